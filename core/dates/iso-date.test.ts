import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isValidIsoDate, toEpochDay } from './iso-date.ts';

const isoDate = fc.date({ min: new Date('1601-01-01T00:00:00Z'), max: new Date('2399-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('iso dates', () => {
  it('counts epoch days like the calendar does', () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        expect(toEpochDay(d)).toBe(Date.parse(`${d}T00:00:00Z`) / 86_400_000);
      }),
    );
  });

  it('adds and subtracts days as inverses', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -4000, max: 4000 }), (d, n) => {
        expect(daysBetween(d, addDays(d, n))).toBe(n);
      }),
    );
  });

  it('accepts only real calendar dates', () => {
    for (const ok of ['2024-02-29', '2000-02-29', '2026-12-31']) expect(isValidIsoDate(ok), ok).toBe(true);
    for (const bad of ['2026-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-4-1', '20261001', '2026-10-01T00:00']) expect(isValidIsoDate(bad), bad).toBe(false);
  });
});
