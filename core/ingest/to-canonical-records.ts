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
import { stableHash } from './stable-hash.ts';

export interface RecordOptions {
  /** Short source family used in ids: `mt`, `camt`, `csv`, `bai2`, `ofx`. */
  readonly source: string;
  readonly side: Side;
  /** Overrides the account the file names (e.g. a GL account for a ledger export). */
  readonly account?: string;
  readonly fileName: string;
}

/** Trimmed, whitespace collapsed, capped; undefined when empty. Runs per field per record. */
function clean(v: string | undefined, max = 2000): string | undefined {
  if (v === undefined) return undefined;
  let t = v.trim();
  if (t === '') return undefined;
  if (/\s\s|[\t\n\r]/.test(t)) t = t.replace(/\s+/g, ' ');
  return t.length > max ? t.slice(0, max) : t;
}

/**
 * Turns entries into records one at a time, so a streaming import can hold a
 * batch instead of the whole file. Keeps only the id occurrence counts.
 */
export class RecordBuilder {
  private readonly occurrences = new Map<string, number>();

  constructor(private readonly options: RecordOptions) {}

  /** The record, or the issue that keeps this entry (and so the file) out. */
  add(entry: ParsedEntry, place: { statementAccount?: string; statement: number; index: number; multiStatement: boolean }): CanonicalRecord | ImportIssue {
    const options = this.options;
    const account = options.account ?? entry.account ?? place.statementAccount;
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
    const base = entry.bankReference
      ? `ref:${entry.bankReference}`
      : `${entry.date}:${stableHash(`${entry.valueDate ?? ''}|${entry.amount}|${entry.currency}|${reference ?? ''}|${counterparty ?? ''}|${description ?? ''}`)}`;
    // Ids must be unique in the file: a repeated key gets its occurrence number,
    // which is stable for the same file.
    const key = `${options.source}:${account}:${base}`;
    const seen = this.occurrences.get(key) ?? 0;
    this.occurrences.set(key, seen + 1);
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
    const provenance: Record<string, unknown> = { file: options.fileName, entry: place.index, raw: entry.raw };
    if (entry.line !== undefined) provenance.line = entry.line;
    if (entry.path !== undefined) provenance.path = entry.path;
    if (place.multiStatement) provenance.statement = String(place.statement + 1);
    record.provenance = provenance;
    return record as unknown as CanonicalRecord;
  }
}

const isIssue = (r: CanonicalRecord | ImportIssue): r is ImportIssue => 'code' in r && 'message' in r && !('side' in r);

export function toCanonicalRecords(statements: readonly ParsedStatement[], options: RecordOptions): { records: CanonicalRecord[]; errors: ImportIssue[] } {
  const builder = new RecordBuilder(options);
  const errors: ImportIssue[] = [];
  const records: CanonicalRecord[] = [];
  statements.forEach((s, statement) =>
    s.entries.forEach((entry, index) => {
      const result = builder.add(entry, { ...(s.account ? { statementAccount: s.account } : {}), statement, index, multiStatement: statements.length > 1 });
      if (isIssue(result)) errors.push(result);
      else records.push(result);
    }),
  );
  return { records, errors };
}

export { isIssue as isImportIssue };
