/**
 * Exact decimal arithmetic on strings. A value is a bigint coefficient and a
 * scale (digits after the point): "-12.50" is { coef: -1250n, scale: 2 }.
 * No amount ever passes through a JavaScript number.
 */
import { AppError } from '../errors/app-error.ts';

export interface Decimal {
  readonly coef: bigint;
  readonly scale: number;
}

export type RoundingMode = 'half_even' | 'half_up' | 'down';

/** Signed decimal: optional minus or plus sign, digits, optional fraction. No exponent, no separators. */
export const DECIMAL_PATTERN = /^[+-]?\d+(\.\d+)?$/;

export function isDecimalString(value: string): boolean {
  return DECIMAL_PATTERN.test(value);
}

export function parseDecimal(value: string): Decimal {
  if (typeof value !== 'string' || !DECIMAL_PATTERN.test(value)) {
    throw new AppError('validation_failed', `Not a decimal number: ${JSON.stringify(value)} (expected digits with an optional sign and "." fraction, e.g. "-1250.00")`, {
      details: { value },
    });
  }
  const negative = value.startsWith('-');
  const unsigned = value.replace(/^[+-]/, '');
  const [whole = '0', fraction = ''] = unsigned.split('.');
  const coef = BigInt(whole + fraction);
  return { coef: negative ? -coef : coef, scale: fraction.length };
}

/** The canonical string: no plus sign, no "-0", at least `minScale` decimals. */
export function formatDecimal(d: Decimal, minScale = 0): string {
  const scaled = d.scale < minScale ? rescale(d, minScale) : d;
  const negative = scaled.coef < 0n;
  const digits = (negative ? -scaled.coef : scaled.coef).toString().padStart(scaled.scale + 1, '0');
  const whole = digits.slice(0, digits.length - scaled.scale);
  const fraction = digits.slice(digits.length - scaled.scale);
  const body = scaled.scale > 0 ? `${whole}.${fraction}` : whole;
  return negative ? `-${body}` : body;
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Raises the scale without changing the value. Lowering needs `roundDecimal`. */
function rescale(d: Decimal, scale: number): Decimal {
  if (scale < d.scale) throw new RangeError('rescale cannot drop digits; use roundDecimal');
  return { coef: d.coef * pow10(scale - d.scale), scale };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [rescale(a, scale).coef, rescale(b, scale).coef, scale];
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return { coef: x + y, scale };
}

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

export function multiplyDecimal(a: Decimal, b: Decimal): Decimal {
  return { coef: a.coef * b.coef, scale: a.scale + b.scale };
}

export function compareDecimal(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function signDecimal(a: Decimal): -1 | 0 | 1 {
  return a.coef < 0n ? -1 : a.coef > 0n ? 1 : 0;
}

/** Integer division of bigints with the given rounding of the remainder. */
function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new AppError('validation_failed', 'Division by zero');
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

/** Rounds to `scale` decimals; banks and ISO 20022 round half-even, invoices often half-up. */
export function roundDecimal(a: Decimal, scale: number, mode: RoundingMode = 'half_even'): Decimal {
  if (scale >= a.scale) return rescale(a, scale);
  return { coef: divideRounded(a.coef, pow10(a.scale - scale), mode), scale };
}

/** a / b rounded to `scale` decimals. */
export function divideDecimal(a: Decimal, b: Decimal, scale: number, mode: RoundingMode = 'half_even'): Decimal {
  // a.coef/10^a.scale ÷ b.coef/10^b.scale = a.coef·10^(scale+b.scale−a.scale) / b.coef / 10^scale
  const shift = scale + b.scale - a.scale;
  const numerator = shift >= 0 ? a.coef * pow10(shift) : a.coef;
  const denominator = shift >= 0 ? b.coef : b.coef * pow10(-shift);
  return { coef: divideRounded(numerator, denominator, mode), scale };
}

/** Drops trailing fractional zeros: "12.500" → "12.5". */
export function normalizeDecimal(a: Decimal): Decimal {
  let { coef, scale } = a;
  while (scale > 0 && coef % 10n === 0n) {
    coef /= 10n;
    scale -= 1;
  }
  return { coef, scale };
}
