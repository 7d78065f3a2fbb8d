/**
 * Parsed statements into canonical records with stable ids: the bank's own
 * entry reference when the file gives one, else a hash of the entry's content;
 * plus the occurrence number when the same key repeats. Importing the same
 * file again yields the same ids, and an entry that reappears in an
 * overlapping file is recognised.
 */
import { isValidIsoDate } from '../dates/iso-date.ts';
import { isCurrencyCode } from '../money/currency.ts';
import { MAX_DECIMAL_LENGTH } from '../money/decimal.ts';
import type { CanonicalRecord } from '../records/canonical-record.ts';
import type { Side } from '../statuses.ts';
import type { ImportIssue } from './import-issues.ts';
import type { ParsedEntry, ParsedStatement } from './parsed-statement.ts';
import { JoinedHash, KeyCounter } from './stable-hash.ts';

export interface RecordOptions {
  /** Short source family used in ids: `mt`, `camt`, `csv`, `bai2`, `ofx`. */
  readonly source: string;
  readonly side: Side;
  /** Overrides the account the file names (e.g. a GL account for a ledger export). */
  readonly account?: string;
  readonly fileName: string;
}

const COLLAPSE = /\s\s|[\t\n\r]/;

/** What DECIMAL_PATTERN and MAX_DECIMAL_LENGTH accept (`isDecimalString`), by a scan instead of a regex. */
function isDecimalText(v: string): boolean {
  const n = v.length;
  if (n === 0 || n > MAX_DECIMAL_LENGTH) return false;
  let i = v.charCodeAt(0) === 45 || v.charCodeAt(0) === 43 ? 1 : 0;
  const whole = i;
  while (i < n && v.charCodeAt(i) >= 48 && v.charCodeAt(i) <= 57) i++;
  if (i === whole) return false;
  if (i === n) return true;
  if (v.charCodeAt(i) !== 46) return false;
  const fraction = ++i;
  while (i < n && v.charCodeAt(i) >= 48 && v.charCodeAt(i) <= 57) i++;
  return i === n && i > fraction;
}

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

const MAX_TEXT = 2000;

/** Trimmed, whitespace collapsed, capped; undefined when empty. Runs per field per record. */
function clean(v: string | undefined, max = MAX_TEXT): string | undefined {
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
  private readonly occurrences: KeyCounter;
  /**
   * Reused to build each key as one flat string: joining copies once, where
   * `+` leaves a tree of pieces to hold. Source, account, then either
   * `:date:` and the hash's four pieces, or `:ref:` and the bank's reference.
   */
  private readonly keyParts: string[] = ['', ':', '', '', '', '', '', '', '', ''];
  private readonly hash = new JoinedHash();

  /** `expected`: a guess at how many entries will come, to size the id table once. */
  constructor(
    private readonly options: RecordOptions,
    expected = 0,
  ) {
    this.occurrences = new KeyCounter(expected);
  }

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
    // Dates and currencies a parser has already checked (`checked`) are not read twice.
    const invalid = entry.checked ? (!isDecimalText(entry.amount) ? ['amount', entry.amount, 'a decimal number'] : undefined) : !isCurrencyCode(entry.currency) ? ['currency', entry.currency, 'an ISO 4217 currency code'] : !isDecimalText(entry.amount) ? ['amount', entry.amount, 'a decimal number'] : !isValidIsoDate(entry.date) ? ['date', entry.date, 'a date'] : undefined;
    if (invalid) {
      return { code: `invalid_${invalid[0]}`, ...(entry.line !== undefined ? { line: entry.line } : {}), ...(entry.path ? { path: entry.path } : {}), field: invalid[0], message: `${JSON.stringify(invalid[1])} is not ${invalid[2]}` };
    }
    // Ids must be unique in the file: a repeated key gets its occurrence number,
    // which is stable for the same file.
    const keyParts = this.keyParts;
    keyParts[0] = options.source;
    keyParts[2] = account;
    let reference: string | undefined;
    let counterparty: string | undefined;
    let description: string | undefined;
    if (entry.bankReference) {
      reference = clean(entry.reference);
      counterparty = clean(entry.counterparty);
      description = clean(entry.description);
      keyParts[3] = ':ref:';
      keyParts[4] = entry.bankReference;
      keyParts[5] = keyParts[6] = keyParts[7] = keyParts[8] = keyParts[9] = '';
    } else {
      // The hash input is `valueDate|amount|currency|reference|counterparty|description`
      // with the texts cleaned, as it always was. Texts that cleaning would
      // leave as they are (nearly all) are checked and hashed in one reading.
      const hash = this.hash;
      hash.begin();
      hash.add(entry.valueDate ?? '');
      hash.add(entry.amount);
      hash.add(entry.currency);
      if (hash.addPlain(entry.reference, MAX_TEXT) && hash.addPlain(entry.counterparty, MAX_TEXT) && hash.addPlain(entry.description, MAX_TEXT)) {
        reference = entry.reference;
        counterparty = entry.counterparty;
        description = entry.description;
      } else {
        reference = clean(entry.reference);
        counterparty = clean(entry.counterparty);
        description = clean(entry.description);
        hash.begin();
        hash.add(entry.valueDate ?? '');
        hash.add(entry.amount);
        hash.add(entry.currency);
        hash.add(reference ?? '');
        hash.add(counterparty ?? '');
        hash.add(description ?? '');
      }
      keyParts[3] = ':';
      keyParts[4] = entry.date;
      keyParts[5] = ':';
      hash.writeTo(keyParts, 6);
    }
    const key = keyParts.join('');
    const seen = this.occurrences.count(key);
    const joined = seen > 0 ? `${key}:${seen}` : key;
    const id = joined.length > 200 ? joined.slice(0, 200) : joined;
    const provenance = provenanceOf(options.fileName, index, entry, multiStatement ? String(statement + 1) : undefined);
    // The usual cash entry in one literal: every key set at once is one object
    // of a fixed shape, where adding them one by one grows a second store.
    // The keys are in the order the general case below writes them.
    if (entry.valueDate && reference && counterparty && description && !entry.securityId && !entry.securityIdType && !entry.quantity && !entry.price && !entry.tradeDate && !entry.settleDate) {
      const cash = { id, side: options.side, account, date: entry.date, amount: entry.amount, currency: entry.currency, kind: entry.kind ?? 'cash', valueDate: entry.valueDate, reference, counterparty, description, provenance };
      return cash as CanonicalRecord;
    }
    const record: Record<string, unknown> = {
      id,
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
    record.provenance = provenance;
    return record as unknown as CanonicalRecord;
  }
}

/** Where a record came from, in the key order it always had; the usual line (text formats) and path (XML) cases as literals. */
function provenanceOf(file: string, index: number, entry: ParsedEntry, statement: string | undefined): Record<string, unknown> {
  if (statement === undefined) {
    if (entry.path === undefined && entry.line !== undefined) return { file, entry: index, raw: entry.raw, line: entry.line };
    if (entry.line === undefined && entry.path !== undefined) return { file, entry: index, raw: entry.raw, path: entry.path };
    if (entry.line !== undefined && entry.path !== undefined) return { file, entry: index, raw: entry.raw, line: entry.line, path: entry.path };
  }
  const provenance: Record<string, unknown> = { file, entry: index, raw: entry.raw };
  if (entry.line !== undefined) provenance.line = entry.line;
  if (entry.path !== undefined) provenance.path = entry.path;
  if (statement !== undefined) provenance.statement = statement;
  return provenance;
}

const isIssue = (r: CanonicalRecord | ImportIssue): r is ImportIssue => 'code' in r && 'message' in r && !('side' in r);

/** Collects records and issues in entry order, for parsers that hand entries over as they read them. */
export class RecordCollector {
  readonly records: CanonicalRecord[] = [];
  readonly errors: ImportIssue[] = [];
  private readonly builder: RecordBuilder;

  constructor(options: RecordOptions, expected = 0) {
    this.builder = new RecordBuilder(options, expected);
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
