/**
 * Exact decimal arithmetic. A value is a bigint coefficient and a scale (digits
 * after the point): "-12.50" is { coef: -1250n, scale: 2 }. No amount ever
 * passes through a JavaScript number, so 0.1 + 0.2 is 0.3 and a sum of a
 * million cents is exact.
 */
import { AppError } from '../errors/app-error.ts';

export interface Decimal {
  readonly coef: bigint;
  /** Digits after the point; a non-negative integer. */
  readonly scale: number;
}

/**
 * How digits are dropped: `half_even` (banker's rounding, ISO 20022 and most
 * bank systems), `half_up` (ties away from zero, as invoices and tax rules
 * usually say), `down` (truncate toward zero).
 */
export type RoundingMode = 'half_even' | 'half_up' | 'down';
export const ROUNDING_MODES: readonly RoundingMode[] = ['half_even', 'half_up', 'down'];

/**
 * Signed decimal: optional minus or plus sign, digits, optional "." with at
 * least one digit after it. No exponent, no thousands separators, no spaces:
 * locale formats are turned into this shape at ingest, not guessed here.
 * `\d` without the `u` flag is ASCII-only, so other scripts' digits are refused.
 */
export const DECIMAL_PATTERN = /^[+-]?\d+(\.\d+)?$/;

/**
 * Longest accepted decimal text. Far beyond any amount, quantity or rate, and
 * it keeps BigInt parsing of untrusted input cheap.
 */
export const MAX_DECIMAL_LENGTH = 100;

export const ZERO: Decimal = { coef: 0n, scale: 0 };

export function isDecimalString(value: string): boolean {
  return typeof value === 'string' && value.length <= MAX_DECIMAL_LENGTH && DECIMAL_PATTERN.test(value);
}

export function parseDecimal(value: string): Decimal {
  if (!isDecimalString(value)) {
    // Callers outside TypeScript (JSON, spreadsheets) may pass numbers: say so rather than crash on them.
    const isText = typeof value === 'string';
    const shown = !isText ? `${String(value)} (a ${typeof value}, not a string)` : value.length > 40 ? `${JSON.stringify(value.slice(0, 40))}…` : JSON.stringify(value);
    const why = isText && value.length > MAX_DECIMAL_LENGTH ? ` is longer than ${MAX_DECIMAL_LENGTH} characters` : ' (expected digits with an optional sign and "." fraction, e.g. "-1250.00")';
    throw new AppError('validation_failed', `Not a decimal number: ${shown}${why}`, { details: { value: isText ? value : String(value) } });
  }
  const negative = value.charCodeAt(0) === 45; // '-'
  const start = negative || value.charCodeAt(0) === 43 ? 1 : 0; // '+'
  const point = value.indexOf('.');
  const whole = point === -1 ? value.slice(start) : value.slice(start, point);
  const fraction = point === -1 ? '' : value.slice(point + 1);
  const coef = BigInt(whole + fraction);
  return { coef: negative ? -coef : coef, scale: fraction.length };
}

function assertScale(scale: number): void {
  if (!Number.isSafeInteger(scale) || scale < 0) throw new RangeError(`decimal scale must be a non-negative integer, got ${scale}`);
}

/** The canonical string: no plus sign, no leading zeros, no "-0", at least `minScale` decimals. */
export function formatDecimal(d: Decimal, minScale = 0): string {
  assertScale(d.scale);
  const scaled = d.scale < minScale ? rescale(d, minScale) : d;
  const negative = scaled.coef < 0n;
  const digits = (negative ? -scaled.coef : scaled.coef).toString().padStart(scaled.scale + 1, '0');
  const whole = digits.slice(0, digits.length - scaled.scale);
  const body = scaled.scale > 0 ? `${whole}.${digits.slice(digits.length - scaled.scale)}` : whole;
  return negative ? `-${body}` : body;
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Raises the scale without changing the value. Lowering it needs `roundDecimal`. */
function rescale(d: Decimal, scale: number): Decimal {
  assertScale(scale);
  if (scale < d.scale) throw new RangeError('rescale cannot drop digits; use roundDecimal');
  return scale === d.scale ? d : { coef: d.coef * pow10(scale - d.scale), scale };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [rescale(a, scale).coef, rescale(b, scale).coef, scale];
}

/** a + b at the larger of the two scales. */
export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return { coef: x + y, scale };
}

/** a − b at the larger of the two scales. */
export function subtractDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return { coef: x - y, scale };
}

export function negateDecimal(a: Decimal): Decimal {
  return { coef: -a.coef, scale: a.scale };
}

export function absDecimal(a: Decimal): Decimal {
  return a.coef < 0n ? negateDecimal(a) : a;
}

/** Exact product: the scales add, nothing is rounded. */
export function multiplyDecimal(a: Decimal, b: Decimal): Decimal {
  return { coef: a.coef * b.coef, scale: a.scale + b.scale };
}

/** Compares values, not spellings: "12.5" and "12.50" are equal. */
export function compareDecimal(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function equalsDecimal(a: Decimal, b: Decimal): boolean {
  return compareDecimal(a, b) === 0;
}

export function isZeroDecimal(a: Decimal): boolean {
  return a.coef === 0n;
}

export function signDecimal(a: Decimal): -1 | 0 | 1 {
  return a.coef < 0n ? -1 : a.coef > 0n ? 1 : 0;
}

/** Integer division of bigints, the remainder rounded by `mode` (sign-symmetric). */
function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let q = n / d;
  const twiceRemainder = (n % d) * 2n;
  if (mode !== 'down' && twiceRemainder > 0n) {
    if (twiceRemainder > d || (twiceRemainder === d && (mode === 'half_up' || q % 2n === 1n))) q += 1n;
  }
  return negative ? -q : q;
}

/** Rounds to `scale` decimals; a larger scale only pads with zeros. */
export function roundDecimal(a: Decimal, scale: number, mode: RoundingMode = 'half_even'): Decimal {
  assertScale(scale);
  if (scale >= a.scale) return rescale(a, scale);
  return { coef: divideRounded(a.coef, pow10(a.scale - scale), mode), scale };
}

/** a ÷ b rounded to `scale` decimals. Division rarely terminates, so the caller picks the scale. */
export function divideDecimal(a: Decimal, b: Decimal, scale: number, mode: RoundingMode = 'half_even'): Decimal {
  assertScale(scale);
  if (b.coef === 0n) {
    throw new AppError('validation_failed', `Cannot divide ${formatDecimal(a)} by zero`, { details: { dividend: formatDecimal(a) } });
  }
  // a.coef/10^a.scale ÷ b.coef/10^b.scale = a.coef·10^(scale+b.scale−a.scale) / b.coef / 10^scale
  const shift = scale + b.scale - a.scale;
  const numerator = shift >= 0 ? a.coef * pow10(shift) : a.coef;
  const denominator = shift >= 0 ? b.coef : b.coef * pow10(-shift);
  return { coef: divideRounded(numerator, denominator, mode), scale };
}

/** Drops trailing fractional zeros: "12.500" → "12.5", "3.00" → "3". */
export function normalizeDecimal(a: Decimal): Decimal {
  if (a.coef === 0n) return ZERO;
  let { coef, scale } = a;
  while (scale > 0 && coef % 10n === 0n) {
    coef /= 10n;
    scale -= 1;
  }
  return { coef, scale };
}
