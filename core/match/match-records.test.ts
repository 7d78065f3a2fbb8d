import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CanonicalRecord } from '../records/canonical-record.ts';
import { matchRecords } from './match-records.ts';
import { matchConfigSchema } from './match-config.ts';

type R = Omit<CanonicalRecord, 'side'>;
const rec = (id: string, date: string, amount: string, extra: Partial<R> = {}): R => ({ id, account: 'A', date, amount, currency: 'EUR', ...extra });
const run = (external: R[], internal: R[], config?: Parameters<typeof matchConfigSchema.parse>[0]) =>
  matchRecords({ external: external as CanonicalRecord[], internal: internal as CanonicalRecord[] }, config ? matchConfigSchema.parse(config) : undefined);

describe('matchRecords on the contract example', () => {
  it('matches e1/i1 and leaves the fee deduction and the unbooked fee as breaks', () => {
    const result = run(
      [
        rec('e1', '2026-10-02', '-1250.00', { reference: 'INV-1001', counterparty: 'ACME GmbH' }),
        rec('e2', '2026-10-05', '985.00', { reference: 'INV-2002', counterparty: 'Bolt Ltd' }),
        rec('e3', '2026-10-31', '-12.50', { description: 'KONTOFUEHRUNG OKT' }),
      ],
      [
        rec('i1', '2026-10-01', '-1250.00', { reference: 'INV-1001', counterparty: 'ACME GmbH' }),
        rec('i2', '2026-10-04', '1000.00', { reference: 'INV-2002', counterparty: 'Bolt Ltd' }),
      ],
    );
    expect(result.matches.map((m) => [m.external, m.internal])).toEqual([[['e1'], ['i1']]]);
    expect(result.breaks.map((b) => [b.shape, b.external, b.internal, b.difference])).toEqual([
      ['pair', ['e2'], ['i2'], '-15.00'],
      ['one_sided', ['e3'], [], '-12.50'],
    ]);
    const fee = result.breaks[0]!;
    expect(fee.evidence).toMatchObject({ pass: 'tolerance', agreed: expect.arrayContaining(['reference', 'counterparty', 'currency']) });
    expect(fee.evidence.differences).toContainEqual({ field: 'amount', external: '985.00', internal: '1000.00', delta: '-15.00' });
  });
});

describe('passes', () => {
  it('exact: references equal after normalizing, dates inside the window, never across directions', () => {
    const result = run([rec('e', '2026-10-10', '100.00', { reference: 'inv 7' }), rec('x', '2026-10-10', '-100.00', { reference: 'INV-8' })], [rec('i', '2026-10-15', '100.00', { reference: 'INV-7' }), rec('y', '2026-10-10', '100.00', { reference: 'INV-8' })]);
    expect(result.matches.map((m) => [m.external[0], m.internal[0]])).toEqual([['e', 'i']]);
    expect(result.breaks.find((b) => b.external[0] === 'x')).toMatchObject({ shape: 'pair', internal: ['y'], evidence: { pass: 'near_miss' } });
  });

  it('exact: one day beyond the window is not a match but a near miss', () => {
    const result = run([rec('e', '2026-10-10', '100.00', { reference: 'R1' })], [rec('i', '2026-10-16', '100.00', { reference: 'R1' })]);
    expect(result.matches).toEqual([]);
    expect(result.breaks[0]).toMatchObject({ shape: 'pair', evidence: { pass: 'near_miss' } });
    expect(result.breaks[0]!.evidence.differences).toContainEqual({ field: 'date', external: '2026-10-10', internal: '2026-10-16', delta: '6 days' });
  });

  it('strong: equal amount with similar references is a pair to confirm, not a match', () => {
    const result = run([rec('e', '2026-10-10', '250.00', { reference: 'INV-20261001' })], [rec('i', '2026-10-11', '250.00', { reference: 'INV-2026100' })]);
    expect(result.matches).toEqual([]);
    expect(result.breaks[0]).toMatchObject({ shape: 'pair', difference: '0.00', evidence: { pass: 'strong' } });
  });

  it('tolerance: the band is a percentage with a floor and a cap', () => {
    const config = { tolerance: { percent: '1', floor: '0.10', cap: '5' } };
    const within = run([rec('e', '2026-10-10', '999.00', { reference: 'R' })], [rec('i', '2026-10-10', '1000.00', { reference: 'R' })], config);
    expect(within.breaks[0]!.evidence.pass).toBe('tolerance');
    const capped = run([rec('e', '2026-10-10', '99990.00', { reference: 'R' })], [rec('i', '2026-10-10', '100000.00', { reference: 'R' })], config);
    expect(capped.breaks[0]!.evidence.pass).toBe('near_miss');
    const floor = run([rec('e', '2026-10-10', '0.91', { reference: 'R' })], [rec('i', '2026-10-10', '1.00', { reference: 'R' })], config);
    expect(floor.breaks[0]!.evidence.pass).toBe('tolerance');
  });

  it('aggregation: a batch deposit ties to several ledger lines; with a shared reference it is a match', () => {
    const batch = run([rec('e', '2026-10-19', '3000.00', { counterparty: 'Sonnenfeld KG' })], [rec('i1', '2026-10-19', '1800.00', { counterparty: 'Sonnenfeld KG', reference: 'SO-1' }), rec('i2', '2026-10-18', '1200.00', { counterparty: 'Sonnenfeld KG', reference: 'SO-2' }), rec('i3', '2026-10-18', '500.00', { counterparty: 'Other' })]);
    expect(batch.breaks[0]).toMatchObject({ shape: 'aggregate', external: ['e'], internal: ['i2', 'i1'], difference: '0.00', evidence: { pass: 'aggregation' } });
    const instalments = run([rec('e1', '2026-10-01', '400.00', { reference: 'INV-9' }), rec('e2', '2026-10-03', '600.00', { reference: 'INV-9' })], [rec('i', '2026-10-02', '1000.00', { reference: 'INV-9' })]);
    expect(instalments.matches.map((m) => [m.external, m.internal, m.evidence.pass])).toEqual([[['e1', 'e2'], ['i'], 'aggregation']]);
  });

  it('ambiguous: two different equally good counterparts become one break listing all three', () => {
    const result = run([rec('e', '2026-10-10', '50.00', { reference: 'X' })], [rec('i1', '2026-10-10', '50.00', { reference: 'X', description: 'a' }), rec('i2', '2026-10-10', '50.00', { reference: 'X', description: 'b' })]);
    expect(result.matches).toEqual([]);
    expect(result.breaks).toEqual([expect.objectContaining({ shape: 'ambiguous', external: ['e'], internal: ['i1', 'i2'] })]);
  });

  it('duplicates: the later copy is the break, the earlier one matches', () => {
    const result = run([rec('e', '2026-10-10', '75.00', { reference: 'D' })], [rec('i1', '2026-10-10', '75.00', { reference: 'D' }), rec('i2', '2026-10-12', '75.00', { reference: 'D' })]);
    expect(result.matches.map((m) => m.internal)).toEqual([['i1']]);
    expect(result.breaks).toEqual([expect.objectContaining({ shape: 'duplicate', internal: ['i2'], evidence: expect.objectContaining({ note: 'same as i1' }) })]);
  });

  it('identical repeats on both sides are matched one to one', () => {
    const two = (p: string) => [rec(`${p}1`, '2026-10-10', '9.99', { reference: 'CARD' }), rec(`${p}2`, '2026-10-10', '9.99', { reference: 'CARD' })];
    const result = run(two('e'), two('i'));
    expect(result.matches.map((m) => [m.external[0], m.internal[0]])).toEqual([['e1', 'i1'], ['e2', 'i2']]);
    expect(result.breaks).toEqual([]);
  });
});

describe('matchRecords properties', () => {
  const record = (side: string) =>
    fc.record({
      n: fc.integer({ min: 0, max: 40 }),
      day: fc.integer({ min: 1, max: 28 }),
      cents: fc.integer({ min: -50_000, max: 50_000 }),
      ref: fc.constantFrom('', 'INV-1', 'INV-2', 'inv 3', 'SO-4', 'SO-44'),
      cp: fc.constantFrom('', 'ACME', 'Acme GmbH', 'Bolt'),
    }).map((x) => rec(`${side}${x.n}`, `2026-10-${String(x.day).padStart(2, '0')}`, (x.cents / 100).toFixed(2), { ...(x.ref ? { reference: x.ref } : {}), ...(x.cp ? { counterparty: x.cp } : {}) }));
  const unique = (list: R[]) => [...new Map(list.map((r) => [r.id, r])).values()];
  const sides = fc.tuple(fc.array(record('e'), { maxLength: 30 }).map(unique), fc.array(record('i'), { maxLength: 30 }).map(unique));

  it('puts every record in exactly one group or break', () => {
    fc.assert(
      fc.property(sides, ([external, internal]) => {
        const result = run(external, internal);
        const seen = [...result.matches, ...result.breaks].flatMap((g) => [...g.external, ...g.internal]);
        expect(seen.sort()).toEqual([...external, ...internal].map((r) => r.id).sort());
      }),
    );
  });

  it('matched groups always balance exactly', () => {
    fc.assert(
      fc.property(sides, ([external, internal]) => {
        for (const m of run(external, internal).matches) expect(m.evidence.agreed).toContain('amount');
      }),
    );
  });

  it('gives the same result for the records in any order', () => {
    fc.assert(
      fc.property(sides, fc.integer(), ([external, internal], seed) => {
        const shuffle = <T,>(list: T[]) => list.map((v, i) => ({ v, k: (i * 2654435761 + seed) % 1000 })).sort((a, b) => a.k - b.k).map((x) => x.v);
        expect(run(shuffle(external), shuffle(internal))).toEqual(run(external, internal));
      }),
    );
  });
});

describe('ids', () => {
  it('allows the same id on both sides', () => {
    const result = run([rec('1', '2026-10-10', '10.00', { reference: 'R' })], [rec('1', '2026-10-10', '10.00', { reference: 'R' })]);
    expect(result.matches.map((m) => [m.external, m.internal])).toEqual([[['1'], ['1']]]);
  });
});
