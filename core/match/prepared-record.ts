/**
 * Records turned into what the passes compare: normalized reference, amount as
 * a bigint at a fixed scale, calendar day number and a canonical order that
 * does not depend on the order the records arrived in. Normalized counterparty
 * and description are computed only when a pass asks: most records match on
 * reference and amount and never need them.
 */
import { toEpochDay } from '../dates/iso-date.ts';
import { isDecimalString, parseDecimal } from '../money/decimal.ts';
import type { CanonicalRecord } from '../records/canonical-record.ts';
import { normalizeReference } from '../records/normalize-reference.ts';
import type { Side } from '../statuses.ts';

/** Amounts are compared at 8 decimals: enough for any currency and for odd bank precision. */
export const AMOUNT_SCALE = 8;

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

export class PreparedRecord {
  readonly id: string;
  readonly ref: string;
  readonly amount: bigint;
  /** `amount` as text, made once: index keys are built from it in every pass. */
  readonly amountKey: string;
  readonly currency: string;
  readonly day: number;
  /** A securities record (has an identifier): matched by the securities passes only. */
  readonly security: boolean;
  /** Position in the canonical order (date, file position, id), across both sides. */
  rank = 0;
  private partyCache: string | undefined;
  private textCache: string | undefined;

  constructor(
    readonly record: CanonicalRecord,
    readonly side: Side,
    /** Unique across both sides (ids are only unique within a side); a small integer, cheap as a key. */
    public uid: number,
  ) {
    this.id = record.id;
    this.ref = normalizeReference(record.reference);
    this.amount = toScaled(record.amount);
    this.amountKey = this.amount.toString();
    this.currency = record.currency;
    this.day = toEpochDay(record.date);
    this.security = record.securityId !== undefined || (record.securityIds !== undefined && Object.keys(record.securityIds).length > 0);
  }

  /** Normalized counterparty. */
  get party(): string {
    return (this.partyCache ??= normalizeReference(this.record.counterparty));
  }

  /** Normalized description. */
  get text(): string {
    return (this.textCache ??= normalizeReference(this.record.description));
  }
}

/** Canonical order: booking day, position in the file, id — numbers first, strings only on ties. */
export function compareRecords(a: PreparedRecord, b: PreparedRecord): number {
  return (
    a.day - b.day ||
    (a.record.provenance?.line ?? 0) - (b.record.provenance?.line ?? 0) ||
    (a.record.provenance?.entry ?? 0) - (b.record.provenance?.entry ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function prepareRecords(records: readonly CanonicalRecord[], side: Side, uidOffset = 0): PreparedRecord[] {
  const prepared = records.map((record) => new PreparedRecord(record, side, 0));
  prepared.sort(compareRecords);
  prepared.forEach((p, i) => (p.uid = uidOffset + i));
  return prepared;
}

/** The same item written twice, possibly on different days: the later one is a copy. */
export function isCopy(a: PreparedRecord, b: PreparedRecord): boolean {
  return a.amount === b.amount && a.currency === b.currency && a.ref === b.ref && a.party === b.party && a.text === b.text;
}
