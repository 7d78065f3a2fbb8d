/**
 * Amount helpers of the verification: sums of a break's records as bigints at
 * the matching engine's fixed scale, and amounts written back for messages.
 */
import { AMOUNT_SCALE, toScaled } from '../match/prepared-record.ts';
import { currencyMinorUnits, isCurrencyCode } from '../money/currency.ts';
import { formatDecimal, isDecimalString, normalizeDecimal } from '../money/decimal.ts';
import type { CanonicalRecord } from '../records/canonical-record.ts';

export const sumOf = (records: readonly CanonicalRecord[]): bigint => records.reduce((s, r) => s + toScaled(r.amount), 0n);

/** The currency every record shares, else null. */
export function sharedCurrency(records: readonly CanonicalRecord[]): string | null {
  const first = records[0]?.currency;
  return first !== undefined && records.every((r) => r.currency === first) ? first : null;
}

export function decimalsOf(currency: string | null): number {
  return currency && isCurrencyCode(currency) ? currencyMinorUnits(currency) : 2;
}

/** "−15.00 EUR": the currency's decimals, or more when the value has them. */
export function showAmount(value: bigint, currency: string | null): string {
  const text = formatDecimal(normalizeDecimal({ coef: value, scale: AMOUNT_SCALE }), decimalsOf(currency));
  return currency ? `${text} ${currency}` : text;
}

/** A decimal string at the fixed scale, or undefined when it is not one. */
export function scaledOrUndefined(value: string | undefined): bigint | undefined {
  return value !== undefined && isDecimalString(value) ? toScaled(value) : undefined;
}

/** Digits after the point as written ("-15.00" → 2, "7" → 0). */
export function writtenDecimals(value: string): number {
  const point = value.indexOf('.');
  return point === -1 ? 0 : value.length - point - 1;
}

/** The rounding tolerance of the currency at the fixed scale. */
export function roundingTolerance(currency: string | null, minorUnits: number): bigint {
  return BigInt(minorUnits) * 10n ** BigInt(AMOUNT_SCALE - Math.min(AMOUNT_SCALE, decimalsOf(currency)));
}
