/**
 * ISO 20022 camt.052 (account report), camt.053 (statement) and camt.054
 * (debit/credit notification), versions .001.02 to .001.08, with or without
 * namespaces, read as a stream: only the current entry is held in memory.
 */
import { isCurrencyCode } from '../../money/currency.ts';
import { IssueCollector } from '../import-issues.ts';
import { addDecimal, formatDecimal, parseDecimal } from '../../money/decimal.ts';
import { parsedStatement, type EntryListener, type ParsedBalance, type ParsedStatement, type ParseOutput } from '../parsed-statement.ts';
import { parseCompactOrIsoDate } from '../parse-date.ts';
import { parseDecimalText } from '../parse-decimal-text.ts';
import { XmlStream, XmlSyntaxError } from '../xml/xml-stream.ts';
import type { FieldBag, PathNode } from './camt-collector.ts';
import { camtEntries } from './camt-entry.ts';
import { EntryFields, first, TxFields } from './camt-fields.ts';
import { ProvenanceBuilder } from './camt-provenance.ts';
import { CamtReader, MESSAGES, type StatementDraft } from './camt-reader.ts';

const OPENING = ['OPBD', 'PRCD'];
const CLOSING = ['CLBD'];

export class CamtParser {
  private readonly issues: IssueCollector;
  private readonly xml: XmlStream;
  private readonly reader: CamtReader;
  private readonly statements: ParsedStatement[] = [];
  private readonly entryFields: EntryFields;
  private readonly txFields: TxFields;
  private readonly provenance = new ProvenanceBuilder();
  private readonly accountCurrency: PathNode;
  private readonly statementCreated: PathNode;
  private readonly accountIds: PathNode[];
  private failed = false;

  private readonly onEntry: EntryListener | undefined;

  constructor(options: { errorLimit?: number; onEntry?: EntryListener } = {}) {
    this.onEntry = options.onEntry;
    this.issues = new IssueCollector(options.errorLimit);
    this.reader = new CamtReader({ entry: (statement) => this.finishEntry(statement), statement: (statement) => this.finishStatement(statement) });
    this.xml = new XmlStream(this.reader);
    const reader = this.reader;
    this.entryFields = new EntryFields(reader.entryBag.trie);
    this.txFields = new TxFields(reader.txTrie);
    this.accountCurrency = reader.statementTrie.node('Acct/Ccy');
    this.statementCreated = reader.statementTrie.node('CreDtTm');
    this.accountIds = [reader.statementTrie.node('Acct/Id/IBAN'), reader.statementTrie.node('Acct/Id/Othr/Id')];
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
    const message = this.reader.message;
    if (!this.failed && !message) {
      this.issues.error({ code: 'not_camt', line: 1, message: 'not a camt.052/053/054 message (expected BkToCstmrStmt, BkToCstmrAcctRpt or BkToCstmrDbtCdtNtfctn under Document)' });
    } else if (!this.failed && this.reader.statementCount === 0) {
      this.issues.error({ code: 'no_statement', path: `Document/${message}`, message: `the message has no ${MESSAGES[message!]} element, so no statement to import` });
    }
    return { statements: this.statements, warnings: this.issues.warnings, errors: this.issues.allErrors() };
  }

  private fail(error: unknown): void {
    this.failed = true;
    if (error instanceof XmlSyntaxError) this.issues.error({ code: 'invalid_xml', line: error.line, message: `malformed XML: ${error.message}` });
    else throw error;
  }

  private finishEntry(statement: StatementDraft): void {
    const reader = this.reader;
    const bag = reader.entryBag;
    const e = this.entryFields;
    const line = reader.entryLine;
    const status = first(bag, e.status);
    // Pending and informational entries are not on the books yet: nothing to reconcile.
    if (status && status !== 'BOOK') {
      statement.skippedPending += 1;
      return;
    }
    const currency = statement.bag.value(this.accountCurrency);
    // Joined, not concatenated: one flat string per entry instead of a chain of string pieces.
    const path = [statement.entryPrefix, 'Ntry[', statement.entryCount, ']'].join('');
    if (first(bag, e.bookingDate) === undefined) {
      // Notifications may leave out the booking date; the report's own creation date stands in.
      const fallbackDate = statement.bag.value(this.statementCreated) ?? reader.messageCreated?.trim();
      if (fallbackDate) {
        bag.set(e.fallbackDate, fallbackDate);
        this.issues.warn({ code: 'date_from_creation', line, path, message: `entry has no booking or value date; dated ${fallbackDate.slice(0, 10)} from the message creation time` });
      }
    }
    const entries = camtEntries(bag, e, reader.txBags, reader.txCount, this.txFields, { currency, path, line }, this.provenance, this.issues);
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

  private finishStatement(draft: StatementDraft): void {
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
