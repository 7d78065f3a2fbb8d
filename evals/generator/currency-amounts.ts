/**
 * Amounts written the way a currency writes them: exactly its ISO 4217 minor
 * units ("1731" JPY, "3.462" KWD, "11.54" EUR), at a size that is realistic
 * for it. Scenarios think in a euro-like unit (a fee of 15, an invoice of a
 * few thousand); a rough magnitude per currency turns that into yen, dinars
 * or pounds. Magnitudes are deliberately coarse (no live rates): they only
 * have to make a JPY wire fee cost thousands of yen rather than 15.
 *
 * Currencies without an entry have magnitude 1, so two-decimal currencies
 * such as EUR, USD, GBP and CHF come out exactly as the cents drawn.
 */
import { currencyMinorUnits } from '../../core/money/currency.ts';
import { parseDecimal, roundDecimal, type Decimal } from '../../core/money/decimal.ts';
import { fromMinorUnits } from '../../core/money/money.ts';

/** Units of the currency worth roughly one euro-like unit of the scenarios. */
const MAGNITUDES: Readonly<Record<string, string>> = {
  JPY: '150',
  KRW: '1400',
  CLP: '900',
  ISK: '140',
  HUF: '380',
  VND: '25000',
  IDR: '16000',
  INR: '90',
  CNY: '7.5',
  HKD: '8',
  SEK: '11',
  NOK: '11',
  DKK: '7.5',
  PLN: '4.3',
  CZK: '25',
  MXN: '20',
  ZAR: '20',
  TRY: '35',
  BRL: '5.5',
  KWD: '0.3',
  BHD: '0.4',
  OMR: '0.4',
  JOD: '0.7',
  TND: '3.3',
  IQD: '1400',
  LYD: '5',
};

const magnitude = (currency: string): Decimal => parseDecimal(MAGNITUDES[currency] ?? '1');

/** Minor units of the currency for a size given in hundredths of a euro-like unit (the scenarios' "cents"). */
export function minorFromCents(cents: number, currency: string): bigint {
  const m = magnitude(currency);
  const units = currencyMinorUnits(currency);
  // cents × magnitude × 10^(units − 2), truncated: integer arithmetic only.
  const numerator = BigInt(cents) * m.coef * 10n ** BigInt(units);
  const denominator = 100n * 10n ** BigInt(m.scale);
  const minor = numerator / denominator;
  // A positive size never collapses to zero (a 0.01 interest credit is still 1 yen).
  return cents > 0 && minor === 0n ? 1n : minor;
}

/** An amount in the currency for a size in the scenarios' cents: 1154 → "11.54" EUR, "1731" JPY, "3.462" KWD. */
export function amountFromCents(cents: number, currency: string): string {
  return fromMinorUnits(minorFromCents(cents, currency), currency);
}

/** A euro-like decimal ("15.00") as the same size in the currency ("2250" JPY). */
export function scaleToCurrency(amount: string, currency: string): string {
  const d = parseDecimal(amount);
  const cents = roundDecimal(d, 2).coef;
  const sign = cents < 0n ? -1n : 1n;
  return fromMinorUnits(sign * minorFromCents(Number(sign * cents), currency), currency);
}

/** A computed decimal (a product with a rate) rounded to the currency's minor units. */
export function roundToCurrency(d: Decimal, currency: string): string {
  return fromMinorUnits(roundDecimal(d, currencyMinorUnits(currency), 'half_even').coef, currency);
}

/** `n` minor units of the currency: 2 → "0.02" EUR, "2" JPY, "0.002" KWD. */
export function minorAmount(n: number, currency: string): string {
  return fromMinorUnits(BigInt(n), currency);
}

/** Whole-unit digits a scenario's 4-digit figure has in the currency (6 for JPY, 3 for KWD). */
export function wholeDigits(currency: string): number {
  const m = magnitude(currency);
  const value = Number(m.coef) / 10 ** m.scale;
  return Math.max(3, 4 + Math.round(Math.log10(value)));
}
