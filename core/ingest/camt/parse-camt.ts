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
import { XmlStream, XmlSyntaxError } from '../xml/xml-stream.ts';
import { FieldBag } from './camt-collector.ts';
import { camtEntries } from './camt-entry.ts';

const MESSAGES: Readonly<Record<string, string>> = { BkToCstmrStmt: 'Stmt', BkToCstmrAcctRpt: 'Rpt', BkToCstmrDbtCdtNtfctn: 'Ntfctn' };
const OPENING = ['OPBD', 'PRCD'];
const CLOSING = ['CLBD'];

interface Context {
  bag: FieldBag;
  depth: number;
}

/** Statement-level state while its entries stream past. */
interface StatementDraft {
  bag: FieldBag;
  balances: FieldBag[];
  entries: ParsedEntry[];
  index: number;
  line: number;
  entryCount: number;
  skippedPending: number;
  /** Streamed-out movements per currency, for the balance check. */
  streamed: Map<string, Decimal>;
}

export class CamtParser {
  private readonly issues: IssueCollector;
  private readonly xml: XmlStream;
  private readonly stack: string[] = [];
  /** Path of each open element relative to the innermost context, built as elements open. */
  private readonly rel: string[] = [];
  private readonly contexts: Context[] = [];
  private readonly statements: ParsedStatement[] = [];
  private statement: StatementDraft | undefined;
  private entry: { bag: FieldBag; txs: FieldBag[]; line: number } | undefined;
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

  private path(): string {
    return this.stack.join('/');
  }

  private open(name: string, attributes: Readonly<Record<string, string>>, line: number): void {
    this.stack.push(name);
    const depth = this.stack.length;
    if (name === 'Document' && this.documentDepth === 0) this.documentDepth = depth;
    const d = depth - this.documentDepth;
    if (this.documentDepth > 0 && d === 1 && MESSAGES[name]) this.message = name;
    if (this.message && d === 2 && name === MESSAGES[this.message]) {
      this.statementCount += 1;
      this.statement = { bag: new FieldBag(), balances: [], entries: [], index: this.statementCount, line, entryCount: 0, skippedPending: 0, streamed: new Map() };
      this.contexts.push({ bag: this.statement.bag, depth });
    } else if (this.statement && d === 3 && name === 'Bal') {
      const bag = new FieldBag();
      this.statement.balances.push(bag);
      this.contexts.push({ bag, depth });
    } else if (this.statement && d === 3 && name === 'Ntry') {
      this.statement.entryCount += 1;
      this.entry = { bag: new FieldBag(), txs: [], line };
      this.contexts.push({ bag: this.entry.bag, depth });
    } else if (this.entry && d === 5 && name === 'TxDtls' && this.stack[depth - 2] === 'NtryDtls') {
      const bag = new FieldBag();
      this.entry.txs.push(bag);
      this.contexts.push({ bag, depth });
    }
    const context = this.contexts[this.contexts.length - 1];
    if (context && depth > context.depth) {
      const parent = depth - 1 > context.depth ? this.rel[depth - 2]! : '';
      const rel = parent === '' ? name : `${parent}/${name}`;
      this.rel[depth - 1] = rel;
      context.bag.open(rel);
      for (const key in attributes) context.bag.set(`${rel}@${key}`, attributes[key]!);
    } else this.rel[depth - 1] = '';
  }

  private text(text: string): void {
    if (this.message && this.stack[this.stack.length - 1] === 'CreDtTm' && this.stack[this.stack.length - 2] === 'GrpHdr') this.messageCreated = (this.messageCreated ?? '') + text;
    const context = this.contexts[this.contexts.length - 1];
    if (!context || this.stack.length <= context.depth) return;
    context.bag.append(this.rel[this.stack.length - 1]!, text);
  }

  private close(name: string): void {
    const depth = this.stack.length;
    const context = this.contexts[this.contexts.length - 1];
    if (context && context.depth === depth) {
      this.contexts.pop();
      if (name === 'Ntry' && this.entry && this.statement) this.finishEntry();
      else if (this.statement && depth === this.documentDepth + 2) this.finishStatement();
    }
    this.stack.pop();
  }

  private finishEntry(): void {
    const statement = this.statement!;
    const { bag, txs, line } = this.entry!;
    this.entry = undefined;
    const status = bag.get('Sts/Cd', 'Sts');
    // Pending and informational entries are not on the books yet: nothing to reconcile.
    if (status && status !== 'BOOK') {
      statement.skippedPending += 1;
      return;
    }
    const currency = statement.bag.get('Acct/Ccy');
    const path = `${this.path()}[${statement.entryCount}]`.replace(`/${MESSAGES[this.message!]}/`, `/${MESSAGES[this.message!]}[${statement.index}]/`);
    // Notifications may leave out the booking date; the report's own creation date stands in.
    const fallbackDate = statement.bag.get('CreDtTm') ?? this.messageCreated?.trim();
    if (!bag.get('BookgDt/Dt', 'BookgDt/DtTm', 'ValDt/Dt', 'ValDt/DtTm') && fallbackDate) {
      bag.set('BookgDt/DtTm', fallbackDate);
      this.issues.warn({ code: 'date_from_creation', line, path, message: `entry has no booking or value date; dated ${fallbackDate.slice(0, 10)} from the message creation time` });
    }
    const entries = camtEntries(bag, txs, { ...(currency ? { currency } : {}), path, line, index: statement.entryCount }, this.issues);
    if (!this.onEntry) {
      statement.entries.push(...entries);
      return;
    }
    // camt names the account before its entries, so it is known here.
    const account = statement.bag.get('Acct/Id/IBAN', 'Acct/Id/Othr/Id');
    for (const e of entries) {
      statement.streamed.set(e.currency, addDecimal(statement.streamed.get(e.currency) ?? { coef: 0n, scale: 0 }, parseDecimal(e.amount)));
      this.onEntry(e, statement.index - 1, account);
    }
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
    const path = `${this.stack.slice(0, -1).join('/')}/${MESSAGES[this.message!]}[${draft.index}]`;
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
