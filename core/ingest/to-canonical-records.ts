/**
 * Parsed statements into canonical records with stable ids: the bank's own
 * entry reference when the file gives one, else a hash of the entry's content;
 * plus the occurrence number when the same key repeats. Importing the same
 * file again yields the same ids, and an entry that reappears in an
 * overlapping file is recognised.
 */
import { isValidIsoDate } from '../dates/iso-date.ts';
import { isCurrencyCode } from '../money/currency.ts';
import { isDecimalString } from '../money/decimal.ts';
import type { CanonicalRecord } from '../records/canonical-record.ts';
import type { Side } from '../statuses.ts';
import type { ImportIssue } from './import-issues.ts';
import type { ParsedEntry, ParsedStatement } from './parsed-statement.ts';
import { KeyCounter, stableHashJoined } from './stable-hash.ts';

export interface RecordOptions {
  /** Short source family used in ids: `mt`, `camt`, `csv`, `bai2`, `ofx`. */
  readonly source: string;
  readonly side: Side;
  /** Overrides the account the file names (e.g. a GL account for a ledger export). */
  readonly account?: string;
  readonly fileName: string;
}

const COLLAPSE = /\s\s|[\t\n\r]/;

/**
 * Whether `clean` must collapse whitespace, i.e. whether COLLAPSE matches.
 * Printable ASCII with single spaces is settled by a scan (the common case,
 * run per field per record); anything else is left to the regex itself.
 */
function needsCollapse(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c > 32 && c < 127) continue;
    if (c === 32) {
      const next = t.charCodeAt(i + 1);
      if (Number.isNaN(next) || (next > 32 && next < 127)) continue;
    }
    return COLLAPSE.test(t);
  }
  return false;
}

/** Trimmed, whitespace collapsed, capped; undefined when empty. Runs per field per record. */
function clean(v: string | undefined, max = 2000): string | undefined {
  if (v === undefined) return undefined;
  let t = v.trim();
  if (t === '') return undefined;
  if (needsCollapse(t)) t = t.replace(/\s+/g, ' ');
  return t.length > max ? t.slice(0, max) : t;
}

/** Where an entry sits in its file: what provenance records beside the line. */
export interface EntryPlace {
  statementAccount?: string;
  statement: number;
  index: number;
  multiStatement: boolean;
}

/**
 * Turns entries into records one at a time, so a streaming import can hold a
 * batch instead of the whole file. Keeps only the id occurrence counts.
 */
export class RecordBuilder {
  private readonly occurrences = new KeyCounter();
  /** Reused to build each key as one flat string: joining copies once, where `+` leaves a tree of pieces to hold. */
  private readonly keyParts: string[] = ['', ':', '', ':', ''];
  /** Reused for every content hash: one array instead of one joined string per record. */
  private readonly hashParts: string[] = ['', '', '', '', '', ''];

  constructor(private readonly options: RecordOptions) {}

  /** The record, or the issue that keeps this entry (and so the file) out. */
  add(entry: ParsedEntry, place: EntryPlace): CanonicalRecord | ImportIssue {
    return this.build(entry, place.statementAccount, place.statement, place.index, place.multiStatement);
  }

  /** `add` with the place as arguments: no place object per entry on the whole-file path. */
  build(entry: ParsedEntry, statementAccount: string | undefined, statement: number, index: number, multiStatement: boolean): CanonicalRecord | ImportIssue {
    const options = this.options;
    const account = options.account ?? entry.account ?? statementAccount;
    if (!account) {
      return { code: 'missing_account', ...(entry.line !== undefined ? { line: entry.line } : {}), field: 'account', message: 'the file names no account for this entry; give one with --account' };
    }
    // A last guard shared by every parser: nothing malformed reaches the database.
    const invalid = !isCurrencyCode(entry.currency) ? ['currency', entry.currency, 'an ISO 4217 currency code'] : !isDecimalString(entry.amount) ? ['amount', entry.amount, 'a decimal number'] : !isValidIsoDate(entry.date) ? ['date', entry.date, 'a date'] : undefined;
    if (invalid) {
      return { code: `invalid_${invalid[0]}`, ...(entry.line !== undefined ? { line: entry.line } : {}), ...(entry.path ? { path: entry.path } : {}), field: invalid[0], message: `${JSON.stringify(invalid[1])} is not ${invalid[2]}` };
    }
    const reference = clean(entry.reference);
    const counterparty = clean(entry.counterparty);
    const description = clean(entry.description);
    let base: string;
    if (entry.bankReference) base = `ref:${entry.bankReference}`;
    else {
      // The hash input is `valueDate|amount|currency|reference|counterparty|description`, as it always was.
      const parts = this.hashParts;
      parts[0] = entry.valueDate ?? '';
      parts[1] = entry.amount;
      parts[2] = entry.currency;
      parts[3] = reference ?? '';
      parts[4] = counterparty ?? '';
      parts[5] = description ?? '';
      base = `${entry.date}:${stableHashJoined(parts)}`;
    }
    // Ids must be unique in the file: a repeated key gets its occurrence number,
    // which is stable for the same file.
    const keyParts = this.keyParts;
    keyParts[0] = options.source;
    keyParts[2] = account;
    keyParts[4] = base;
    const key = keyParts.join('');
    const seen = this.occurrences.count(key);
    const id = seen > 0 ? `${key}:${seen}` : key;
    const record: Record<string, unknown> = {
      id: id.length > 200 ? id.slice(0, 200) : id,
      side: options.side,
      account,
      date: entry.date,
      amount: entry.amount,
      currency: entry.currency,
      kind: entry.kind ?? 'cash',
    };
    if (entry.valueDate) record.valueDate = entry.valueDate;
    if (reference) record.reference = reference;
    if (counterparty) record.counterparty = counterparty;
    if (description) record.description = description;
    if (entry.securityId) record.securityId = entry.securityId;
    if (entry.securityIdType) record.securityIdType = entry.securityIdType;
    if (entry.quantity) record.quantity = entry.quantity;
    if (entry.price) record.price = entry.price;
    if (entry.tradeDate) record.tradeDate = entry.tradeDate;
    if (entry.settleDate) record.settleDate = entry.settleDate;
    const provenance: Record<string, unknown> = { file: options.fileName, entry: index, raw: entry.raw };
    if (entry.line !== undefined) provenance.line = entry.line;
    if (entry.path !== undefined) provenance.path = entry.path;
    if (multiStatement) provenance.statement = String(statement + 1);
    record.provenance = provenance;
    return record as unknown as CanonicalRecord;
  }
}

const isIssue = (r: CanonicalRecord | ImportIssue): r is ImportIssue => 'code' in r && 'message' in r && !('side' in r);

/** Collects records and issues in entry order, for parsers that hand entries over as they read them. */
export class RecordCollector {
  readonly records: CanonicalRecord[] = [];
  readonly errors: ImportIssue[] = [];
  private readonly builder: RecordBuilder;

  constructor(options: RecordOptions) {
    this.builder = new RecordBuilder(options);
  }

  add(entry: ParsedEntry, statementAccount: string | undefined, statement: number, index: number, multiStatement: boolean): void {
    const result = this.builder.build(entry, statementAccount, statement, index, multiStatement);
    // Records always carry `side`; issues never do.
    if ('side' in result) this.records.push(result);
    else this.errors.push(result);
  }
}

export function toCanonicalRecords(statements: readonly ParsedStatement[], options: RecordOptions): { records: CanonicalRecord[]; errors: ImportIssue[] } {
  const collector = new RecordCollector(options);
  const multiStatement = statements.length > 1;
  for (let statement = 0; statement < statements.length; statement++) {
    const s = statements[statement]!;
    const account = s.account ? s.account : undefined;
    const entries = s.entries;
    for (let index = 0; index < entries.length; index++) collector.add(entries[index]!, account, statement, index, multiStatement);
  }
  return { records: collector.records, errors: collector.errors };
}

export { isIssue as isImportIssue };
