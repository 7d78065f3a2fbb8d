/**
 * Records turned into what the passes compare: normalized reference, amount as
 * a bigint at a fixed scale, calendar day number and a canonical order that
 * does not depend on the order the records arrived in.
 */
import { daysBetween } from '../dates/iso-date.ts';
import { isDecimalString, parseDecimal } from '../money/decimal.ts';
import type { CanonicalRecord } from '../records/canonical-record.ts';
import type { Side } from '../statuses.ts';
import { normalizeReference } from '../records/normalize-reference.ts';

/** Amounts are compared at 8 decimals: enough for any currency and for odd bank precision. */
export const AMOUNT_SCALE = 8;

export interface PreparedRecord {
  readonly record: CanonicalRecord;
  readonly side: Side;
  /** Canonical order key (date, file position, id). */
  readonly key: string;
  readonly id: string;
  /** Unique across both sides (ids are only unique within a side); a small integer, cheap as a key. */
  readonly uid: number;
  readonly ref: string;
  /** Normalized counterparty and description, computed once. */
  readonly party: string;
  readonly text: string;
  readonly amount: bigint;
  /** `amount` as text, made once: index keys are built from it in every pass. */
  readonly amountKey: string;
  readonly currency: string;
  readonly day: number;
  /** A securities record (has an identifier): matched by the securities passes only. */
  readonly security: boolean;
  /** Position in the canonical order (date, file position, id). */
  rank: number;
}

const EPOCH = '1970-01-01';

const POWERS = Array.from({ length: AMOUNT_SCALE + 1 }, (_, i) => 10n ** BigInt(i));

/** A decimal string as an integer at AMOUNT_SCALE decimals (validated, then built from its digits). */
export function toScaled(amount: string): bigint {
  if (!isDecimalString(amount)) parseDecimal(amount); // throws the validation error with the value
  const point = amount.indexOf('.');
  if (point === -1) return BigInt(amount) * POWERS[AMOUNT_SCALE]!;
  const fraction = amount.length - point - 1;
  if (fraction > AMOUNT_SCALE) {
    const d = parseDecimal(amount);
    return d.coef / 10n ** BigInt(d.scale - AMOUNT_SCALE);
  }
  return BigInt(amount.slice(0, point) + amount.slice(point + 1)) * POWERS[AMOUNT_SCALE - fraction]!;
}

/**
 * The canonical order as one comparable string: booking date, position in the
 * file, id. Built once per record; comparing strings is what the sort does.
 */
function orderKey(r: CanonicalRecord): string {
  const line = String(r.provenance?.line ?? 0).padStart(10, '0');
  const entry = String(r.provenance?.entry ?? 0).padStart(10, '0');
  return `${r.date}|${line}|${entry}|${r.id}`;
}

export function prepareRecords(records: readonly CanonicalRecord[], side: Side, uidOffset = 0): PreparedRecord[] {
  const keyed = records.map((record) => ({ record, key: orderKey(record) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const prepared = keyed.map(({ record, key }, rank) => {
    const amount = toScaled(record.amount);
    return {
      record,
      side,
      key,
      id: record.id,
      uid: uidOffset + rank,
      ref: normalizeReference(record.reference),
      party: normalizeReference(record.counterparty),
      text: normalizeReference(record.description),
      amount,
      amountKey: amount.toString(),
      currency: record.currency,
      day: daysBetween(EPOCH, record.date),
      security: record.securityId !== undefined || (record.securityIds !== undefined && Object.keys(record.securityIds).length > 0),
      rank,
    };
  });
  return prepared;
}

/** The same item written twice, possibly on different days: the later one is a copy. */
export function isCopy(a: PreparedRecord, b: PreparedRecord): boolean {
  return a.amount === b.amount && a.currency === b.currency && a.ref === b.ref && a.party === b.party && a.text === b.text;
}
