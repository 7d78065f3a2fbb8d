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
import type { ParsedStatement } from './parsed-statement.ts';
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

export function toCanonicalRecords(statements: readonly ParsedStatement[], options: RecordOptions): { records: CanonicalRecord[]; errors: ImportIssue[] } {
  const errors: ImportIssue[] = [];
  const records: CanonicalRecord[] = [];
  // Ids must be unique in the file: a repeated bank reference or identical
  // content gets its occurrence number, which is stable for the same file.
  const occurrences = new Map<string, number>();
  statements.forEach((s, si) => {
    const statement = String(si + 1);
    s.entries.forEach((entry, index) => {
      const account = options.account ?? entry.account ?? s.account;
      if (!account) {
        errors.push({ code: 'missing_account', ...(entry.line !== undefined ? { line: entry.line } : {}), field: 'account', message: 'the file names no account for this entry; give one with --account' });
        return;
      }
      // A last guard shared by every parser: nothing malformed reaches the database.
      const invalid = !isCurrencyCode(entry.currency) ? ['currency', entry.currency, 'an ISO 4217 currency code'] : !isDecimalString(entry.amount) ? ['amount', entry.amount, 'a decimal number'] : !isValidIsoDate(entry.date) ? ['date', entry.date, 'a date'] : undefined;
      if (invalid) {
        errors.push({ code: `invalid_${invalid[0]}`, ...(entry.line !== undefined ? { line: entry.line } : {}), ...(entry.path ? { path: entry.path } : {}), field: invalid[0], message: `${JSON.stringify(invalid[1])} is not ${invalid[2]}` });
        return;
      }
      const reference = clean(entry.reference);
      const counterparty = clean(entry.counterparty);
      const description = clean(entry.description);
      const base = entry.bankReference
        ? `ref:${entry.bankReference}`
        : `${entry.date}:${stableHash(`${entry.valueDate ?? ''}|${entry.amount}|${entry.currency}|${reference ?? ''}|${counterparty ?? ''}|${description ?? ''}`)}`;
      const key = `${options.source}:${account}:${base}`;
      const seen = occurrences.get(key) ?? 0;
      occurrences.set(key, seen + 1);
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
      if (statements.length > 1) provenance.statement = statement;
      record.provenance = provenance;
      records.push(record as unknown as CanonicalRecord);
    });
  });
  return { records, errors };
}
