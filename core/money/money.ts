/**
 * Money as signed decimal strings in a currency: the shape amounts have in
 * JSON, in graph state and in the database. Helpers that need a currency work
 * at its ISO 4217 scale ("12.50" EUR, "1000" JPY, "1.250" KWD); the others are
 * exact at whatever scale their inputs have.
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
  signDecimal,
  subtractDecimal,
  type Decimal,
  type RoundingMode,
} from './decimal.ts';

/**
 * Integer minor units ("12.50" EUR → 1250n). Trailing zeros are fine
 * ("12.5000" EUR → 1250n), but an amount with more significant decimals than
 * the currency has throws unless `rounding` says how to drop them: silently
 * losing a fraction of a cent is how reconciliations stop tying out.
 */
export function toMinorUnits(amount: string, currency: string, rounding?: RoundingMode): bigint {
  const units = currencyMinorUnits(currency);
  const parsed = normalizeDecimal(parseDecimal(amount));
  if (parsed.scale > units && rounding === undefined) {
    throw new AppError(
      'validation_failed',
      `Amount ${JSON.stringify(amount)} has more decimals than ${currency} allows (${units}); pass a rounding mode to round it`,
      { details: { amount, currency, decimals: units } },
    );
  }
  return roundDecimal(parsed, units, rounding ?? 'half_even').coef;
}

/** The decimal string with exactly the currency's decimals: 1250n EUR → "12.50", -5n EUR → "-0.05", 1000n JPY → "1000". */
export function fromMinorUnits(minor: bigint, currency: string): string {
  return formatDecimal({ coef: minor, scale: currencyMinorUnits(currency) });
}

/** The canonical string at the currency's scale: "12.5" EUR → "12.50", "+7" JPY → "7". */
export function formatMoney(amount: string, currency: string, rounding?: RoundingMode): string {
  return fromMinorUnits(toMinorUnits(amount, currency, rounding), currency);
}

/** Exact sum of decimal strings, at the largest scale among them ("0" for none). */
export function sumAmounts(amounts: readonly string[]): string {
  let total: Decimal = { coef: 0n, scale: 0 };
  for (const a of amounts) total = addDecimal(total, parseDecimal(a));
  return formatDecimal(total);
}

export function addAmounts(a: string, b: string): string {
  return formatDecimal(addDecimal(parseDecimal(a), parseDecimal(b)));
}

/** a − b, exact: "1000.00" − "985.00" → "15.00". */
export function subtractAmounts(a: string, b: string): string {
  return formatDecimal(subtractDecimal(parseDecimal(a), parseDecimal(b)));
}

export function negateAmount(a: string): string {
  return formatDecimal(negateDecimal(parseDecimal(a)));
}

/** Orders by value: -1 when a < b, 0 when equal in value, 1 when a > b. */
export function compareAmounts(a: string, b: string): -1 | 0 | 1 {
  return compareDecimal(parseDecimal(a), parseDecimal(b));
}

/** Equal in value: "12.5" equals "12.50", "-0" equals "0". */
export function amountsEqual(a: string, b: string): boolean {
  return compareAmounts(a, b) === 0;
}

/** -1 for a debit, 1 for a credit, 0 for zero. */
export function amountSign(a: string): -1 | 0 | 1 {
  return signDecimal(parseDecimal(a));
}
