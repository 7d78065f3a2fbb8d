import { describe, expect, it } from 'vitest';
import { matchRecords } from '../../core/match/match-records.ts';
import { currencyMinorUnits } from '../../core/money/currency.ts';
import { amountsEqual, subtractAmounts, sumAmounts } from '../../core/money/money.ts';
import type { CanonicalRecord } from '../../core/records/canonical-record.ts';
import { evalCaseSchema, type EvalCase } from '../case-schema.ts';
import { scoreMatchingOverCases } from '../scoring/matching-score.ts';
import { amountFromCents, scaleToCurrency, wholeDigits } from './currency-amounts.ts';
import { generateCases } from './generate-cases.ts';

const CURRENCIES = ['EUR', 'JPY', 'KWD', 'USD'];
const decimals = (amount: string) => (amount.includes('.') ? amount.length - amount.indexOf('.') - 1 : 0);

function expectCurrencyDecimals(list: readonly EvalCase[]) {
  for (const c of list) {
    for (const r of [...c.external, ...c.internal]) expect(decimals(r.amount), `${c.id}/${r.id} ${r.amount} ${r.currency}`).toBe(currencyMinorUnits(r.currency));
    for (const b of c.expected.breaks) {
      const res = b.resolution as { amount?: string; currency?: string; field?: string; from?: string; to?: string };
      if (res.amount !== undefined) expect(decimals(res.amount), `${c.id} ${b.type} ${res.amount} ${res.currency}`).toBe(currencyMinorUnits(res.currency!));
      if (res.field === 'amount') {
        const currency = c.internal.find((r) => r.id === (b.resolution as { recordId: string }).recordId)!.currency;
        for (const v of [res.from!, res.to!]) expect(decimals(v), `${c.id} ${b.type} ${v}`).toBe(currencyMinorUnits(currency));
      }
    }
  }
}

/** Every resolution that posts an amount makes its group balance: amount = sum(external) − sum(internal). */
function expectBalancedResolutions(list: readonly EvalCase[]) {
  let checked = 0;
  for (const c of list) {
    const byId = (side: readonly { id: string; amount: string }[], ids: readonly string[]) => ids.map((id) => side.find((r) => r.id === id)!.amount);
    for (const b of c.expected.breaks) {
      const res = b.resolution;
      if (res.action !== 'match_with_adjustment' && res.action !== 'post_journal') continue;
      const gap = subtractAmounts(sumAmounts(byId(c.external, b.external)), sumAmounts(byId(c.internal, b.internal)));
      expect(amountsEqual(res.amount, gap), `${c.id} ${b.type} ${res.amount} vs ${gap}`).toBe(true);
      checked += 1;
    }
  }
  expect(checked).toBeGreaterThan(0);
}

describe('amounts in the currency’s own minor units', () => {
  const cash = generateCases({ cases: 30, seed: 41, currencies: CURRENCIES, breaksPerCase: 19, difficulty: 'noisy' });
  const securities = generateCases({ cases: 20, seed: 42, domain: 'securities', currencies: CURRENCIES, breaksPerCase: 9 });

  it('writes every amount and resolution amount with exactly the currency’s decimals', () => {
    const used = new Set([...cash, ...securities].flatMap((c) => [...c.external, ...c.internal].map((r) => r.currency)));
    expect([...used].sort()).toEqual([...CURRENCIES].sort());
    for (const c of [...cash, ...securities]) expect(evalCaseSchema.safeParse(c).success).toBe(true);
    expectCurrencyDecimals(cash);
    expectCurrencyDecimals(securities);
  });

  it('keeps every resolution balanced', () => {
    expectBalancedResolutions(cash);
    expectBalancedResolutions(securities);
  });

  it('sizes fees realistically for the currency', () => {
    const fees = cash.flatMap((c) => c.expected.breaks.filter((b) => b.cause === 'wire_fee_deducted').map((b) => b.resolution as { amount: string; currency: string }));
    const jpy = fees.filter((f) => f.currency === 'JPY').map((f) => -Number(f.amount));
    expect(jpy.length).toBeGreaterThan(0);
    for (const yen of jpy) expect(yen).toBeGreaterThanOrEqual(1000);
    expect(scaleToCurrency('15.00', 'JPY')).toBe('2250');
    expect(scaleToCurrency('-15.00', 'KWD')).toBe('-4.500');
    expect(scaleToCurrency('15.00', 'EUR')).toBe('15.00');
    expect(amountFromCents(1154, 'EUR')).toBe('11.54');
    expect(amountFromCents(1, 'JPY')).toBe('1');
    expect([wholeDigits('EUR'), wholeDigits('JPY'), wholeDigits('KWD')]).toEqual([4, 6, 3]);
  });

  it('stays exact for the matching engine', () => {
    for (const list of [cash, securities]) {
      const score = scoreMatchingOverCases(list, (i) => matchRecords({ external: list[i]!.external as CanonicalRecord[], internal: list[i]!.internal as CanonicalRecord[] }).matches);
      expect(score.leaked).toEqual([]);
      expect(score.precision).toBeGreaterThanOrEqual(0.995);
      expect(score.recall).toBeGreaterThanOrEqual(0.98);
    }
  });
});
