import { describe, expect, it } from 'vitest';
import type { CanonicalRecord } from '../records/canonical-record.ts';
import { matchRecords } from './match-records.ts';

type R = Omit<CanonicalRecord, 'side'>;
const trade = (id: string, extra: Partial<R> = {}): R => ({
  id,
  account: 'CUST-1',
  date: '2026-10-05',
  tradeDate: '2026-10-05',
  settleDate: '2026-10-07',
  amount: '-10150.00',
  currency: 'USD',
  securityId: 'US0378331005',
  securityIdType: 'ISIN',
  quantity: '50',
  price: '203.00',
  kind: 'trade',
  ...extra,
});
const run = (external: R[], internal: R[]) => matchRecords({ external: external as CanonicalRecord[], internal: internal as CanonicalRecord[] });

describe('securities matching', () => {
  it('matches a trade when every compared field agrees, across identifier types', () => {
    const result = run([trade('e1', { securityIds: { ISIN: 'US0378331005', CUSIP: '037833100' } })], [trade('i1', { securityId: '037833100', securityIdType: 'CUSIP' })]);
    expect(result.matches).toEqual([expect.objectContaining({ external: ['e1'], internal: ['i1'], evidence: expect.objectContaining({ pass: 'securities', differences: [] }) })]);
  });

  it('accepts a price inside the 1 % tolerance and breaks beyond it', () => {
    expect(run([trade('e1', { price: '204.50' })], [trade('i1')]).matches).toHaveLength(1);
    const result = run([trade('e1', { price: '206.00', amount: '-10300.00' })], [trade('i1')]);
    expect(result.matches).toEqual([]);
    expect(result.breaks[0]!.evidence.differences.map((d) => d.field)).toEqual(['price', 'amount']);
  });

  it('reports quantity and settlement date differences on a pair break', () => {
    const result = run([trade('e1', { quantity: '40', amount: '-8120.00', settleDate: '2026-10-08', reference: 'T-1' })], [trade('i1', { reference: 'T-1' })]);
    expect(result.breaks).toEqual([expect.objectContaining({ shape: 'pair', external: ['e1'], internal: ['i1'] })]);
    expect(result.breaks[0]!.evidence.differences.map((d) => d.field)).toEqual(['quantity', 'settleDate', 'amount']);
  });

  it('leaves two unrelated trades in one security on one day one-sided', () => {
    // A trade never booked and another never settled: quantity, price, amount and reference all differ.
    const result = run([trade('e1', { reference: 'T-15862' })], [trade('i1', { reference: 'T-34534', quantity: '60', price: '120.00', amount: '-7200.00' })]);
    expect(result.matches).toEqual([]);
    expect(result.breaks.map((b) => [b.shape, b.external, b.internal])).toEqual([
      ['one_sided', ['e1'], []],
      ['one_sided', [], ['i1']],
    ]);
  });

  it('pairs trades that agree beyond the key: reference, quantity or amount', () => {
    const other = { quantity: '60', price: '120.00', amount: '-7200.00' };
    const pairs = (e: Partial<R>, i: Partial<R>) => run([trade('e1', e)], [trade('i1', i)]).breaks.filter((b) => b.shape === 'pair').length;
    expect(pairs({ reference: 'T-1' }, { reference: 't 1', ...other })).toBe(1);
    expect(pairs({}, { quantity: '50', price: '144.00', amount: '-7200.00' })).toBe(1);
    expect(pairs({ quantity: '100', price: '101.50' }, { reference: 'T-2' })).toBe(1);
    expect(pairs({ settleDate: '2026-10-09', amount: '-10150.03' }, {})).toBe(1);
    expect(pairs({}, other)).toBe(0);
  });

  it('takes the rounding tolerance in the currency’s minor units', () => {
    const yen = { currency: 'JPY', amount: '-1522500', price: '30450' };
    expect(run([trade('e1', { ...yen, amount: '-1522502' })], [trade('i1', yen)]).matches).toHaveLength(1);
    const result = run([trade('e1', { ...yen, amount: '-1522503' })], [trade('i1', yen)]);
    expect(result.breaks[0]!.evidence.differences.map((d) => d.field)).toEqual(['amount']);
  });

  it('pairs a trade booked under a wrong identifier as a near miss naming the security id', () => {
    const result = run([trade('e1')], [trade('i1', { securityId: 'US5949181045' })]);
    expect(result.breaks[0]).toMatchObject({ shape: 'pair', evidence: { pass: 'near_miss' } });
    expect(result.breaks[0]!.evidence.differences.map((d) => d.field)).toEqual(['securityId']);
  });

  it('never matches a trade with a cash record on amount alone', () => {
    const result = run([trade('e1', { reference: 'T-1' })], [{ id: 'c1', account: 'B', date: '2026-10-05', amount: '-10150.00', currency: 'USD', reference: 'T-1' }]);
    expect(result.matches).toEqual([]);
    expect(result.breaks.map((b) => b.shape)).toEqual(['one_sided', 'one_sided']);
  });
});
