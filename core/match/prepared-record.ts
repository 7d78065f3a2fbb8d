/**
 * Records turned into what the passes compare: normalized reference, amount as
 * a bigint at a fixed scale, calendar day number and a canonical order that
 * does not depend on the order the records arrived in.
 */
import { daysBetween } from '../dates/iso-date.ts';
import { parseDecimal } from '../money/decimal.ts';
import type { CanonicalRecord } from '../records/canonical-record.ts';
import { normalizeReference } from '../records/normalize-reference.ts';

/** Amounts are compared at 8 decimals: enough for any currency and for odd bank precision. */
export const AMOUNT_SCALE = 8;

export interface PreparedRecord {
  readonly record: CanonicalRecord;
  readonly id: string;
  readonly ref: string;
  readonly amount: bigint;
  readonly currency: string;
  readonly day: number;
  /** Position in the canonical order (date, file position, id). */
  rank: number;
}

const EPOCH = '1970-01-01';

export function toScaled(amount: string): bigint {
  const d = parseDecimal(amount);
  return d.coef * 10n ** BigInt(AMOUNT_SCALE - Math.min(d.scale, AMOUNT_SCALE));
}

function orderKey(r: CanonicalRecord): [string, number, number, string] {
  return [r.date, r.provenance?.line ?? 0, r.provenance?.entry ?? 0, r.id];
}

export function compareOrder(a: CanonicalRecord, b: CanonicalRecord): number {
  const x = orderKey(a);
  const y = orderKey(b);
  for (let i = 0; i < x.length; i++) {
    if (x[i]! < y[i]!) return -1;
    if (x[i]! > y[i]!) return 1;
  }
  return 0;
}

export function prepareRecords(records: readonly CanonicalRecord[]): PreparedRecord[] {
  const prepared = [...records].sort(compareOrder).map((record, rank) => ({
    record,
    id: record.id,
    ref: normalizeReference(record.reference),
    amount: toScaled(record.amount),
    currency: record.currency,
    day: daysBetween(EPOCH, record.date),
    rank,
  }));
  return prepared;
}

/** Identical as far as any pass can tell: the later one is a copy, not a different item. */
export function sameContent(a: PreparedRecord, b: PreparedRecord): boolean {
  return (
    a.amount === b.amount &&
    a.currency === b.currency &&
    a.day === b.day &&
    a.ref === b.ref &&
    normalizeReference(a.record.counterparty) === normalizeReference(b.record.counterparty) &&
    normalizeReference(a.record.description) === normalizeReference(b.record.description)
  );
}
