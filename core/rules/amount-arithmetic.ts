/**
 * Arithmetic detectors over amounts held as bigints at a fixed scale
 * (`AMOUNT_SCALE` decimals, as the matching engine holds them). Ratios are
 * computed as integer parts per million: no amount ever becomes a float.
 */
import { AMOUNT_SCALE } from '../match/prepared-record.ts';

const abs = (v: bigint): bigint => (v < 0n ? -v : v);
const POW10 = Array.from({ length: AMOUNT_SCALE + 1 }, (_, i) => 10n ** BigInt(i));
const PPM = 1_000_000n;

/** One minor unit of a currency with `units` decimals, at the fixed scale. */
export function minorUnit(units: number): bigint {
  return POW10[Math.max(0, AMOUNT_SCALE - Math.min(units, AMOUNT_SCALE))]!;
}

/** One major unit (1.00 EUR, 1 JPY) at the fixed scale. */
export const MAJOR_UNIT = POW10[AMOUNT_SCALE]!;

/** a / b in parts per million, rounded toward zero; undefined when b is zero. */
export function ratioPpm(a: bigint, b: bigint): number | undefined {
  if (b === 0n) return undefined;
  return Number((a * PPM) / b);
}

/** Equal magnitude, opposite direction: the debit/credit was swapped. */
export function isSignFlip(external: bigint, internal: bigint): boolean {
  return external !== 0n && external === -internal;
}

/** A non-zero difference of at most `minorUnits` minor units of the currency. */
export function isWithinRounding(difference: bigint, units: number, minorUnits: number): boolean {
  return difference !== 0n && abs(difference) <= BigInt(minorUnits) * minorUnit(units);
}

/** The digits of |amount| at the currency's decimals ("-1234.50" → "123450"), or undefined when it carries more. */
function digitsAt(amount: bigint, units: number): string | undefined {
  const unit = minorUnit(units);
  const a = abs(amount);
  return a % unit === 0n ? (a / unit).toString() : undefined;
}

/**
 * Keying errors that swap digits. `swap`: the same digits with exactly two
 * positions exchanged (1234 ↔ 1324), the classic transposition — its
 * difference is always divisible by 9. `permutation`: the same digits in
 * another order (divisible by 9 as well), a weaker sign of the same mistake.
 */
export function transposition(external: bigint, internal: bigint, units: number): 'swap' | 'permutation' | undefined {
  if (external === internal || external < 0n !== internal < 0n) return undefined;
  const x = digitsAt(external, units);
  const y = digitsAt(internal, units);
  if (!x || !y || x.length !== y.length || x.length < 2) return undefined;
  const differing: number[] = [];
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) differing.push(k);
  if (differing.length === 2 && x[differing[0]!] === y[differing[1]!] && x[differing[1]!] === y[differing[0]!]) return 'swap';
  const sorted = (s: string) => [...s].sort().join('');
  return sorted(x) === sorted(y) ? 'permutation' : undefined;
}

/**
 * The power of ten by which one amount is the other with the decimal point
 * moved (×10, ×100, ×1000 or the reverse), allowing the smaller one to have
 * lost the digits that fell off its end. Undefined when there is none.
 */
export function decimalShift(external: bigint, internal: bigint, units: number): number | undefined {
  if (external === 0n || internal === 0n || external < 0n !== internal < 0n) return undefined;
  const [big, small] = abs(external) > abs(internal) ? [abs(external), abs(internal)] : [abs(internal), abs(external)];
  for (let k = 1; k <= 3; k++) {
    const factor = POW10[k]!;
    // The shifted value may have dropped up to k digits at the currency's precision.
    if (big >= small * factor && big - small * factor < factor * minorUnit(units)) return k;
  }
  return undefined;
}

/**
 * Fee schedules charge round amounts: a difference that lowers the amount
 * received (or raises the amount paid) by a multiple of half a unit, between
 * 1 and 75 units (100 and 7,500 for currencies without decimals, whose units
 * are small), and no more than 5 % of the amount.
 */
export function isFeeLike(difference: bigint, base: bigint, units: number): boolean {
  if (difference >= 0n) return false;
  const d = -difference;
  const scale = units === 0 ? 100n : 1n;
  const step = (MAJOR_UNIT * scale) / 2n;
  return d % step === 0n && d >= MAJOR_UNIT * scale && d <= 75n * MAJOR_UNIT * scale && d * 20n <= abs(base);
}

/** The percent of `base` that `difference` is exactly (rounded to the currency's precision ± one minor unit), among `percents` (in tenths). */
export function exactPercent(difference: bigint, base: bigint, units: number, tenths: readonly number[]): number | undefined {
  const unit = minorUnit(units);
  for (const t of tenths) {
    const expected = (abs(base) * BigInt(t)) / 1000n;
    if (abs(abs(difference) - expected) <= unit) return t / 10;
  }
  return undefined;
}

/** Common fractions of an invoice paid in part (½, ⅓, ¼, ⅔, ¾), within one major unit. */
export function simpleFraction(part: bigint, whole: bigint, units: number): string | undefined {
  const slack = units === 0 ? 100n * MAJOR_UNIT : MAJOR_UNIT;
  for (const [n, d, name] of [[1n, 2n, '1/2'], [1n, 3n, '1/3'], [2n, 3n, '2/3'], [1n, 4n, '1/4'], [3n, 4n, '3/4']] as const) {
    if (abs(abs(part) * d - abs(whole) * n) <= slack * d) return name;
  }
  return undefined;
}

/** Withholding tax rates met in practice (treaty and statutory), in basis points. */
const WHT_RATES_BP = [0, 500, 1000, 1250, 1500, 2000, 2500, 2638, 2700, 3000, 3500];

/**
 * Net income at one withholding rate against net income at another:
 * received / booked = (1 − a) / (1 − b) for two standard rates a ≠ b,
 * within 0.05 %. Returns the two rates in percent.
 */
export function withholdingRates(received: bigint, booked: bigint): { received: number; booked: number } | undefined {
  const r = ratioPpm(received, booked);
  if (r === undefined || r <= 0) return undefined;
  for (const a of WHT_RATES_BP) {
    for (const b of WHT_RATES_BP) {
      if (a === b) continue;
      const expected = ((10_000 - a) * 1_000_000) / (10_000 - b);
      if (Math.abs(r - expected) <= 500) return { received: a / 100, booked: b / 100 };
    }
  }
  return undefined;
}

/** Day-count conventions differ by the year length: 360/365, 365/360, 365/366, 366/365 (within 0.05 %). */
export function isDayCountRatio(a: bigint, b: bigint): boolean {
  const r = ratioPpm(a, b);
  if (r === undefined) return false;
  return [986_301, 1_013_889, 997_268, 1_002_740].some((expected) => Math.abs(r - expected) <= 500);
}

/** |a − b| / |b| in parts per million. */
export function deviationPpm(a: bigint, b: bigint): number | undefined {
  if (b === 0n) return undefined;
  return Number((abs(a - b) * PPM) / abs(b));
}
