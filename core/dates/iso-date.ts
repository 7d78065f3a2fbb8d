/**
 * Calendar dates as ISO `YYYY-MM-DD` strings. Reconciliation works in calendar
 * days, so dates never carry a time or a zone; arithmetic goes through UTC
 * midnight to stay clear of daylight-saving shifts.
 */
import { z } from 'zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isValidIsoDate(value: string): boolean {
  // Hand-checked rather than through Date: this runs once per imported record.
  if (value.length !== 10 || !ISO_DATE.test(value)) return false;
  const y = Number(value.slice(0, 4));
  const m = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}

export const isoDateSchema = z
  .string()
  .refine(isValidIsoDate, { message: 'expected a calendar date as YYYY-MM-DD' });
export type IsoDate = z.infer<typeof isoDateSchema>;

function toEpochDay(date: string): number {
  if (!isValidIsoDate(date)) throw new RangeError(`not an ISO date: ${JSON.stringify(date)}`);
  return Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return toEpochDay(b) - toEpochDay(a);
}

export function addDays(date: string, days: number): string {
  return new Date((toEpochDay(date) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}
