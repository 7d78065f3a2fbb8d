/**
 * Money as signed decimal strings in a currency. Helpers work at the
 * currency's ISO 4217 scale ("12.50" EUR, "1000" JPY, "1.250" KWD).
 */
import { AppError } from '../errors/app-error.ts';
import { currencyMinorUnits } from './currency.ts';
import {
  addDecimal,
  compareDecimal,
  formatDecimal,
  negateDecimal,
  normalizeDecimal,
  parseDecimal,
  roundDecimal,
  subtractDecimal,
  type RoundingMode,
} from './decimal.ts';

/**
 * Integer minor units (cents). Throws when the amount has more decimals than
 * the currency allows, unless a rounding mode says how to drop them.
 */
export function toMinorUnits(amount: string, currency: string, rounding?: RoundingMode): bigint {
  const units = currencyMinorUnits(currency);
  const parsed = normalizeDecimal(parseDecimal(amount));
  if (parsed.scale > units && !rounding) {
    throw new AppError('validation_failed', `Amount ${amount} has more decimals than ${currency} allows (${units})`, {
      details: { amount, currency, decimals: units },
    });
  }
  return roundDecimal(parsed, units, rounding ?? 'half_even').coef;
}

export function fromMinorUnits(minor: bigint, currency: string): string {
  return formatDecimal({ coef: minor, scale: currencyMinorUnits(currency) });
}

/** The canonical string at the currency's scale: "12.5" EUR → "12.50". */
export function formatMoney(amount: string, currency: string, rounding?: RoundingMode): string {
  return fromMinorUnits(toMinorUnits(amount, currency, rounding), currency);
}

/** Exact sum of decimal strings, at the largest scale among them. */
export function sumAmounts(amounts: readonly string[]): string {
  let total = { coef: 0n, scale: 0 };
  for (const a of amounts) total = addDecimal(total, parseDecimal(a));
  return formatDecimal(total);
}

export function addAmounts(a: string, b: string): string {
  return formatDecimal(addDecimal(parseDecimal(a), parseDecimal(b)));
}

export function subtractAmounts(a: string, b: string): string {
  return formatDecimal(subtractDecimal(parseDecimal(a), parseDecimal(b)));
}

export function negateAmount(a: string): string {
  return formatDecimal(negateDecimal(parseDecimal(a)));
}

export function compareAmounts(a: string, b: string): -1 | 0 | 1 {
  return compareDecimal(parseDecimal(a), parseDecimal(b));
}

/** Equal in value: "12.5" equals "12.50". */
export function amountsEqual(a: string, b: string): boolean {
  return compareAmounts(a, b) === 0;
}
