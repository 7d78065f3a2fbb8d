/**
 * Calendar dates as ISO `YYYY-MM-DD` strings. Reconciliation works in calendar
 * days, so dates never carry a time or a zone; arithmetic goes through UTC
 * midnight to stay clear of daylight-saving shifts.
 */
import { z } from 'zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isValidIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m.map(Number) as [number, number, number, number];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
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
