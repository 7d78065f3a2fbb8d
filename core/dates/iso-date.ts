/**
 * Calendar dates as ISO `YYYY-MM-DD` strings. Reconciliation works in calendar
 * days, so dates never carry a time or a zone; arithmetic goes through UTC
 * midnight to stay clear of daylight-saving shifts.
 */
import { z } from 'zod';

const MS_PER_DAY = 86_400_000;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Digits at [from, to) of `s` as a number, or -1 when any is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

export function isValidIsoDate(value: string): boolean {
  // Hand-checked rather than through a regex and Date: this runs for every imported record.
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const y = digits(value, 0, 4);
  const m = digits(value, 5, 7);
  const d = digits(value, 8, 10);
  if (y < 0 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}

export const isoDateSchema = z
  .string()
  .refine(isValidIsoDate, { message: 'expected a calendar date as YYYY-MM-DD' });
export type IsoDate = z.infer<typeof isoDateSchema>;

/** Days since 1970-01-01 by the civil-calendar formula: no Date object, no string building. */
export function toEpochDay(date: string): number {
  if (!isValidIsoDate(date)) throw new RangeError(`not an ISO date: ${JSON.stringify(date)}`);
  let y = digits(date, 0, 4);
  const m = digits(date, 5, 7);
  const d = digits(date, 8, 10);
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return toEpochDay(b) - toEpochDay(a);
}

export function addDays(date: string, days: number): string {
  return new Date((toEpochDay(date) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}
