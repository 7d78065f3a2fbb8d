/**
 * Parsed statements into canonical records with stable ids. The id is the
 * bank's own entry reference when the file gives a unique one, else a hash of
 * the entry's content plus its occurrence number among identical entries — so
 * importing the same file again yields the same ids.
 */
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

const clean = (v: string | undefined, max = 2000) => {
  const t = v?.replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, max) : undefined;
};

export function toCanonicalRecords(statements: readonly ParsedStatement[], options: RecordOptions): { records: CanonicalRecord[]; errors: ImportIssue[] } {
  const errors: ImportIssue[] = [];
  const all: { entry: ParsedEntry; account: string; statement: number; index: number }[] = [];
  statements.forEach((s, si) =>
    s.entries.forEach((entry, index) => {
      const account = options.account ?? entry.account ?? s.account;
      if (!account) {
        errors.push({ code: 'missing_account', ...(entry.line !== undefined ? { line: entry.line } : {}), field: 'account', message: 'the file names no account for this entry; give one with --account' });
        return;
      }
      all.push({ entry, account, statement: si, index });
    }),
  );
  // Bank references are a natural key only if unique within the file.
  const refCount = new Map<string, number>();
  for (const { entry, account } of all) if (entry.bankReference) refCount.set(`${account}|${entry.bankReference}`, (refCount.get(`${account}|${entry.bankReference}`) ?? 0) + 1);
  const occurrences = new Map<string, number>();
  const records = all.map(({ entry, account, statement, index }) => {
    let natural: string;
    if (entry.bankReference && refCount.get(`${account}|${entry.bankReference}`) === 1) natural = `ref:${entry.bankReference}`;
    else {
      const content = stableHash([entry.date, entry.valueDate ?? '', entry.amount, entry.currency, entry.reference ?? '', entry.counterparty ?? '', entry.description ?? ''].join('\u241f'));
      const seen = occurrences.get(`${account}|${content}`) ?? 0;
      occurrences.set(`${account}|${content}`, seen + 1);
      natural = `h:${content}${seen > 0 ? `:${seen}` : ''}`;
    }
    const record: CanonicalRecord = {
      id: `${options.source}:${account}:${natural}`.slice(0, 200),
      side: options.side,
      account,
      date: entry.date,
      ...(entry.valueDate ? { valueDate: entry.valueDate } : {}),
      amount: entry.amount,
      currency: entry.currency,
      ...(clean(entry.reference) ? { reference: clean(entry.reference)! } : {}),
      ...(clean(entry.counterparty) ? { counterparty: clean(entry.counterparty)! } : {}),
      ...(clean(entry.description) ? { description: clean(entry.description)! } : {}),
      ...(entry.securityId ? { securityId: entry.securityId } : {}),
      ...(entry.securityIdType ? { securityIdType: entry.securityIdType } : {}),
      ...(entry.quantity ? { quantity: entry.quantity } : {}),
      ...(entry.price ? { price: entry.price } : {}),
      ...(entry.tradeDate ? { tradeDate: entry.tradeDate } : {}),
      ...(entry.settleDate ? { settleDate: entry.settleDate } : {}),
      kind: entry.kind ?? 'cash',
      provenance: {
        file: options.fileName,
        ...(entry.line !== undefined ? { line: entry.line } : {}),
        entry: index,
        raw: { ...entry.raw, ...(entry.path ? { path: entry.path } : {}), statement: String(statement + 1) },
      },
    };
    return record;
  });
  return { records, errors };
}
