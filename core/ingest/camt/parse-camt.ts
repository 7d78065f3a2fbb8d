/**
 * ISO 20022 camt.052 (account report), camt.053 (statement) and camt.054
 * (debit/credit notification), versions .001.02 to .001.08, with or without
 * namespaces, read as a stream: only the current entry is held in memory.
 */
import { isCurrencyCode } from '../../money/currency.ts';
import { IssueCollector } from '../import-issues.ts';
import { addDecimal, formatDecimal, parseDecimal, type Decimal } from '../../money/decimal.ts';
import { parsedStatement, type EntryListener, type ParsedBalance, type ParsedEntry, type ParsedStatement, type ParseOutput } from '../parsed-statement.ts';
import { parseCompactOrIsoDate } from '../parse-date.ts';
import { parseDecimalText } from '../parse-decimal-text.ts';
import { NO_ATTRIBUTES, XmlStream, XmlSyntaxError } from '../xml/xml-stream.ts';
import { FieldBag, PathTrie, type PathNode } from './camt-collector.ts';
import { camtEntries } from './camt-entry.ts';
import { EntryFields, first, TxFields } from './camt-fields.ts';
import { ProvenanceBuilder } from './camt-provenance.ts';

const MESSAGES: Readonly<Record<string, string>> = { BkToCstmrStmt: 'Stmt', BkToCstmrAcctRpt: 'Rpt', BkToCstmrDbtCdtNtfctn: 'Ntfctn' };
const OPENING = ['OPBD', 'PRCD'];
const CLOSING = ['CLBD'];

/** Text that is only XML whitespace: indentation between elements, never a value. */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return false;
  }
  return true;
}

/** Statement-level state while its entries stream past. */
interface StatementDraft {
  bag: FieldBag;
  balances: FieldBag[];
  entries: ParsedEntry[];
  index: number;
  line: number;
  /** `Document/BkToCstmrStmt/Stmt[2]`: the statement's own path. */
  path: string;
  /** `Document/BkToCstmrStmt/Stmt[2]/`: what entry paths start with. */
  entryPrefix: string;
  entryCount: number;
  skippedPending: number;
  /** Streamed-out movements per currency, for the balance check. */
  streamed: Map<string, Decimal>;
}

export class CamtParser {
  private readonly issues: IssueCollector;
  private readonly xml: XmlStream;
  /** Local names of the open elements, and each one's path node within its context (statement, balance, entry, transaction). */
  private readonly names: string[] = [];
  private readonly nodes: (PathNode | undefined)[] = [];
  /** Per depth, the previous sibling's node under the current parent: where the next child is predicted from. */
  private readonly after: (PathNode | undefined)[] = [];
  private depth = 0;
  /** The open contexts, innermost last; the innermost is also kept in `bag` and `bagDepth`. */
  private readonly bags: FieldBag[] = [];
  private readonly bagDepths: number[] = [];
  private bag: FieldBag | undefined;
  private bagDepth = 0;
  private readonly statements: ParsedStatement[] = [];
  private statement: StatementDraft | undefined;
  private readonly statementTrie = new PathTrie();
  private readonly balanceTrie = new PathTrie();
  /** One entry and its transaction details are read at a time, so their bags are reused. */
  private readonly entryBag = new FieldBag(new PathTrie());
  private readonly txBags: FieldBag[] = [];
  private readonly txTrie = new PathTrie();
  private txCount = 0;
  private inEntry = false;
  private entryLine = 0;
  private readonly entryFields = new EntryFields(this.entryBag.trie);
  private readonly txFields = new TxFields(this.txTrie);
  private readonly provenance = new ProvenanceBuilder();
  private readonly accountCurrency = this.statementTrie.node('Acct/Ccy');
  private readonly statementCreated = this.statementTrie.node('CreDtTm');
  private readonly accountIds = [this.statementTrie.node('Acct/Id/IBAN'), this.statementTrie.node('Acct/Id/Othr/Id')];
  private message: string | undefined;
  /** Depth of `Document`: 1 normally, deeper inside a SWIFT business envelope. */
  private documentDepth = 0;
  private messageCreated: string | undefined;
  private statementCount = 0;
  private failed = false;

  private readonly onEntry: EntryListener | undefined;

  constructor(options: { errorLimit?: number; onEntry?: EntryListener } = {}) {
    this.onEntry = options.onEntry;
    this.issues = new IssueCollector(options.errorLimit);
    this.xml = new XmlStream({
      open: (name, attributes, line) => this.open(name, attributes, line),
      text: (text) => this.text(text),
      close: (name) => this.close(name),
    });
  }

  write(chunk: string): void {
    if (this.failed) return;
    try {
      this.xml.write(chunk);
    } catch (error) {
      this.fail(error);
    }
  }

  end(): ParseOutput {
    if (!this.failed) {
      try {
        this.xml.end();
      } catch (error) {
        this.fail(error);
      }
    }
    if (!this.failed && !this.message) {
      this.issues.error({ code: 'not_camt', line: 1, message: 'not a camt.052/053/054 message (expected BkToCstmrStmt, BkToCstmrAcctRpt or BkToCstmrDbtCdtNtfctn under Document)' });
    } else if (!this.failed && this.statementCount === 0) {
      this.issues.error({ code: 'no_statement', path: `Document/${this.message}`, message: `the message has no ${MESSAGES[this.message!]} element, so no statement to import` });
    }
    return { statements: this.statements, warnings: this.issues.warnings, errors: this.issues.allErrors() };
  }

  private fail(error: unknown): void {
    this.failed = true;
    if (error instanceof XmlSyntaxError) this.issues.error({ code: 'invalid_xml', line: error.line, message: `malformed XML: ${error.message}` });
    else throw error;
  }

  private pushContext(bag: FieldBag, depth: number): void {
    this.bags.push(bag);
    this.bagDepths.push(depth);
    this.bag = bag;
    this.bagDepth = depth;
    this.nodes[depth - 1] = bag.trie.root;
    this.after[depth] = undefined;
  }

  private popContext(): void {
    this.bags.pop();
    this.bagDepths.pop();
    const n = this.bags.length;
    this.bag = n > 0 ? this.bags[n - 1] : undefined;
    this.bagDepth = n > 0 ? this.bagDepths[n - 1]! : 0;
  }

  private open(name: string, attributes: Readonly<Record<string, string>>, line: number): void {
    const depth = ++this.depth;
    this.names[depth - 1] = name;
    if (name === 'Document' && this.documentDepth === 0) this.documentDepth = depth;
    const d = depth - this.documentDepth;
    if (d <= 3 || d === 5) this.openContext(name, d, depth, line);
    const bag = this.bag;
    if (bag !== undefined && depth > this.bagDepth) {
      const node = this.nodes[depth - 2]!.child(name, this.after[depth - 1]);
      this.after[depth - 1] = node;
      this.after[depth] = undefined;
      this.nodes[depth - 1] = node;
      bag.open(node);
      if (attributes !== NO_ATTRIBUTES) for (const key in attributes) bag.set(node.attribute(key), attributes[key]!);
    }
  }

  /** Starts a statement, balance, entry or transaction context when this element is one. */
  private openContext(name: string, d: number, depth: number, line: number): void {
    if (this.documentDepth > 0 && d === 1 && MESSAGES[name]) this.message = name;
    if (this.message && d === 2 && name === MESSAGES[this.message]) {
      this.statementCount += 1;
      const index = this.statementCount;
      const path = `${this.names.slice(0, depth - 1).join('/')}/${name}[${index}]`;
      const entryPrefix = `${this.names.slice(0, depth).join('/')}/`.replace(`/${name}/`, `/${name}[${index}]/`);
      this.statement = { bag: new FieldBag(this.statementTrie), balances: [], entries: [], index, line, path, entryPrefix, entryCount: 0, skippedPending: 0, streamed: new Map() };
      this.pushContext(this.statement.bag, depth);
    } else if (this.statement && d === 3 && name === 'Bal') {
      const bag = new FieldBag(this.balanceTrie);
      this.statement.balances.push(bag);
      this.pushContext(bag, depth);
    } else if (this.statement && d === 3 && name === 'Ntry') {
      this.statement.entryCount += 1;
      this.inEntry = true;
      this.entryLine = line;
      this.pushContext(this.entryBag, depth);
    } else if (this.inEntry && d === 5 && name === 'TxDtls' && this.names[depth - 2] === 'NtryDtls') {
      if (this.txCount === this.txBags.length) this.txBags.push(new FieldBag(this.txTrie));
      const bag = this.txBags[this.txCount++]!;
      this.pushContext(bag, depth);
    }
  }

  private text(text: string): void {
    const depth = this.depth;
    if (this.message && this.names[depth - 1] === 'CreDtTm' && this.names[depth - 2] === 'GrpHdr') this.messageCreated = (this.messageCreated ?? '') + text;
    const bag = this.bag;
    if (bag === undefined || depth <= this.bagDepth) return;
    const node = this.nodes[depth - 1]!;
    // Indentation before a first value would be trimmed anyway; skipping it keeps parent elements out of the bag.
    if (text.charCodeAt(0) <= 32 && !bag.has(node) && isBlank(text)) return;
    bag.append(node, text);
  }

  private close(name: string): void {
    const depth = this.depth;
    if (this.bag !== undefined && this.bagDepth === depth) {
      this.popContext();
      if (name === 'Ntry' && this.inEntry && this.statement) this.finishEntry();
      else if (this.statement && depth === this.documentDepth + 2) this.finishStatement();
    }
    this.depth -= 1;
  }

  private finishEntry(): void {
    const statement = this.statement!;
    const bag = this.entryBag;
    const e = this.entryFields;
    const line = this.entryLine;
    this.inEntry = false;
    const status = first(bag, e.status);
    // Pending and informational entries are not on the books yet: nothing to reconcile.
    if (status && status !== 'BOOK') {
      statement.skippedPending += 1;
      this.clearEntry();
      return;
    }
    const currency = statement.bag.value(this.accountCurrency);
    const path = `${statement.entryPrefix}Ntry[${statement.entryCount}]`;
    if (first(bag, e.bookingDate) === undefined) {
      // Notifications may leave out the booking date; the report's own creation date stands in.
      const fallbackDate = statement.bag.value(this.statementCreated) ?? this.messageCreated?.trim();
      if (fallbackDate) {
        bag.set(e.fallbackDate, fallbackDate);
        this.issues.warn({ code: 'date_from_creation', line, path, message: `entry has no booking or value date; dated ${fallbackDate.slice(0, 10)} from the message creation time` });
      }
    }
    const entries = camtEntries(bag, e, this.txBags, this.txCount, this.txFields, { currency, path, line }, this.provenance, this.issues);
    this.clearEntry();
    if (!this.onEntry) {
      for (const entry of entries) statement.entries.push(entry);
      return;
    }
    // camt names the account before its entries, so it is known here.
    const account = first(statement.bag, this.accountIds);
    for (const entry of entries) {
      statement.streamed.set(entry.currency, addDecimal(statement.streamed.get(entry.currency) ?? { coef: 0n, scale: 0 }, parseDecimal(entry.amount)));
      this.onEntry(entry, statement.index - 1, account);
    }
  }

  private clearEntry(): void {
    this.entryBag.clear();
    for (let i = 0; i < this.txCount; i++) this.txBags[i]!.clear();
    this.txCount = 0;
  }

  private balance(bag: FieldBag, path: string): { type: string; value: ParsedBalance } | undefined {
    const type = bag.get('Tp/CdOrPrtry/Cd', 'Tp/CdOrPrtry/Prtry') ?? '';
    const amount = parseDecimalText(bag.get('Amt') ?? '', { decimal: '.' });
    const date = parseCompactOrIsoDate(bag.get('Dt/Dt', 'Dt/DtTm') ?? '');
    const currency = bag.get('Amt@Ccy');
    if (!amount.ok || !date.ok || !currency) {
      this.issues.error({ code: 'invalid_balance', path, field: 'Bal', message: `balance ${type || '(no type)'} needs an amount with Ccy and a date: ${!amount.ok ? amount.message : !date.ok ? date.message : 'no currency'}` });
      return undefined;
    }
    const negative = bag.get('CdtDbtInd') === 'DBIT' && !/^[0.]+$/.test(amount.value);
    return { type, value: { amount: negative ? `-${amount.value}` : amount.value, currency, date: date.value } };
  }

  private finishStatement(): void {
    const draft = this.statement!;
    this.statement = undefined;
    const path = draft.path;
    const balances = draft.balances.map((b, i) => this.balance(b, `${path}/Bal[${i + 1}]`)).filter((b) => b !== undefined);
    const opening = balances.find((b) => OPENING.includes(b.type))?.value;
    const closing = [...balances].reverse().find((b) => CLOSING.includes(b.type))?.value;
    const account = draft.bag.get('Acct/Id/IBAN', 'Acct/Id/Othr/Id');
    const currency = draft.bag.get('Acct/Ccy') ?? balances[0]?.value.currency ?? draft.entries[0]?.currency ?? [...draft.streamed.keys()][0];
    if (currency && !isCurrencyCode(currency)) this.issues.error({ code: 'invalid_currency', path: `${path}/Acct/Ccy`, message: `${JSON.stringify(currency)} is not an ISO 4217 currency code` });
    if (!account) this.issues.error({ code: 'missing_account', path: `${path}/Acct/Id`, message: 'the statement has no account IBAN or other id' });
    if (draft.skippedPending > 0) {
      this.issues.warn({ code: 'pending_entries_skipped', path, message: `${draft.skippedPending} entr${draft.skippedPending === 1 ? 'y' : 'ies'} not booked yet (status other than BOOK) left out` });
    }
    const id = draft.bag.get('Id');
    const sequence = draft.bag.get('ElctrncSeqNb', 'LglSeqNb');
    this.statements.push(
      parsedStatement({
        id,
        sequence,
        account,
        currency,
        opening,
        closing,
        entries: draft.entries,
        streamedMovements: this.onEntry && currency ? formatDecimal(draft.streamed.get(opening?.currency ?? currency) ?? { coef: 0n, scale: 0 }) : undefined,
        line: draft.line,
      }),
    );
  }
}

export function parseCamt(text: string, options: { errorLimit?: number } = {}): ParseOutput {
  const parser = new CamtParser(options);
  parser.write(text);
  return parser.end();
}
