import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDecimal, formatDecimal, parseDecimal } from '../money/decimal.ts';
import type { ParsedEntry } from './parsed-statement.ts';
import { checkStatements } from './statement-integrity.ts';

const entry = (amount: string, currency = 'EUR'): ParsedEntry => ({ date: '2026-10-01', amount, currency, raw: {} });

describe('checkStatements balances', () => {
  it('sums movements exactly as adding the decimals one by one does', () => {
    const amount = fc.oneof(
      fc.stringMatching(/^[-+]?\d{1,6}(\.\d{1,3})?$/),
      fc.stringMatching(/^-?\d{14,22}(\.\d{1,8})?$/),
      fc.constantFrom('-0.00', '999999999999999', '-999999999999999.99', '0'),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(amount, fc.constantFrom('EUR', 'USD')), { maxLength: 60 }), (rows) => {
        const entries = rows.map(([a, c]) => entry(a, c));
        const expected = entries.filter((e) => e.currency === 'EUR').reduce((sum, e) => addDecimal(sum, parseDecimal(e.amount)), parseDecimal('10.5'));
        const [check] = checkStatements([{ entries, opening: { amount: '10.5', currency: 'EUR', date: '2026-10-01' }, closing: { amount: '0', currency: 'EUR', date: '2026-10-01' } }]).checks;
        expect(check!.expectedClosing).toBe(formatDecimal(expected));
      }),
    );
  });

  it('keeps large sums exact past the range of numbers', () => {
    const entries = Array.from({ length: 5000 }, () => entry('999999999999.99'));
    const [check] = checkStatements([{ entries, opening: { amount: '0', currency: 'EUR', date: '2026-10-01' }, closing: { amount: '4999999999999950.00', currency: 'EUR', date: '2026-10-01' } }]).checks;
    expect(check).toMatchObject({ foots: true, expectedClosing: '4999999999999950.00' });
  });

  it('still refuses an amount that is not a decimal', () => {
    expect(() => checkStatements([{ entries: [entry('1.2.3')], opening: { amount: '0', currency: 'EUR', date: '2026-10-01' }, closing: { amount: '0', currency: 'EUR', date: '2026-10-01' } }])).toThrow(/Not a decimal number/);
  });
});
