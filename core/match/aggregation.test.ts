import { describe, expect, it } from 'vitest';
import type { CanonicalRecord } from '../records/canonical-record.ts';
import { counterpartyCore, referenceCore } from './block-keys.ts';
import { matchRecords } from './match-records.ts';

type R = Omit<CanonicalRecord, 'side'>;
const rec = (id: string, date: string, amount: string, extra: Partial<R> = {}): R => ({ id, account: 'A', date, amount, currency: 'EUR', ...extra });
const run = (external: R[], internal: R[]) => matchRecords({ external: external as CanonicalRecord[], internal: internal as CanonicalRecord[] });
const shapes = (result: ReturnType<typeof run>) => result.breaks.map((b) => [b.shape, b.external, b.internal]);

describe('tolerant block keys', () => {
  it('reduces an instalment reference to its invoice core, however it is written', () => {
    for (const r of ['INV-68136 RATE 1', 'inv 68136 rate 2', 'INV68136RATE1', 'INV-68136 TEIL 2', 'INV-68136 PART 3', 'INV-68136 INST 1', 'INV-68136 1/2', 'INV-68136 2 / 3.', 'INV-68136']) {
      expect(referenceCore(r), r).toBe('INV68136');
    }
    expect(referenceCore('SO-1')).toBe('SO1');
    expect(referenceCore('RATE 1')).toBe('RATE1');
    expect(referenceCore(undefined)).toBe('');
  });

  it('reduces a counterparty to its first significant word', () => {
    const pairs = [
      ['ACME GMBH BERLIN', 'ACME GmbH'],
      ['BOLT LIMITED', 'Bolt Ltd'],
      ['NORDLICHT AKTIENGESELLSCHAFT', 'Nordlicht AG'],
      ['STAHL UND CO', 'Stahl & Co'],
      ['Papierwerk Köln', 'PAPIERWERK KOELN'],
      ['Lumen SARL', 'LUMEN S.A.R.L.'],
    ];
    for (const [a, b] of pairs) expect(counterpartyCore(a), a).toBe(counterpartyCore(b));
    expect(counterpartyCore('Fjord AS')).toBe('FJORD');
    expect(counterpartyCore('Bolt Ltd')).not.toBe(counterpartyCore('Brightwave BV'));
    // Nothing but legal forms: the whole name is the key rather than nothing.
    expect(counterpartyCore('AG & Co KG')).toBe('AGCOKG');
  });
});

describe('aggregation under noise', () => {
  it('finds a batch deposit whose bank counterparty is an alias, and keeps it a break (no shared reference)', () => {
    const result = run(
      [rec('e', '2026-10-10', '300.00', { counterparty: 'ACME GMBH BERLIN', description: 'SAMMLER' })],
      [rec('i1', '2026-10-10', '100.00', { counterparty: 'ACME GmbH', reference: 'SO-1' }), rec('i2', '2026-10-10', '200.00', { counterparty: 'ACME GmbH', reference: 'SO-2' })],
    );
    expect(result.matches).toEqual([]);
    expect(shapes(result)).toEqual([['aggregate', ['e'], ['i1', 'i2']]]);
    expect(result.breaks[0]!.evidence).toMatchObject({ pass: 'aggregation', note: '1:2 group on counterparty ACME', agreed: expect.arrayContaining(['amount']) });
  });

  it('finds instalments whose references carry a suffix and whose counterparty is aliased, as a break', () => {
    const result = run(
      [
        rec('e1', '2026-10-10', '120.00', { reference: 'inv 68136 rate 1', counterparty: 'ACME GMBH BERLIN' }),
        rec('e2', '2026-10-11', '80.00', { reference: 'INV68136RATE2', counterparty: 'ACME GmbH' }),
      ],
      [rec('i', '2026-10-10', '200.00', { reference: 'INV-68136', counterparty: 'ACME GmbH' })],
    );
    expect(result.matches).toEqual([]);
    expect(shapes(result)).toEqual([['aggregate', ['e1', 'e2'], ['i']]]);
    expect(result.breaks[0]!.evidence.note).toBe('2:1 group on reference INV68136 and counterparty ACME');
    expect(result.breaks[0]!.difference).toBe('0.00');
  });

  it('still matches a tied group whose members all share the reference exactly', () => {
    const result = run([rec('e1', '2026-10-10', '120.00', { reference: 'inv-9' }), rec('e2', '2026-10-10', '80.00', { reference: 'INV 9' })], [rec('i', '2026-10-10', '200.00', { reference: 'INV-9', counterparty: 'Bolt Ltd' })]);
    expect(result.breaks).toEqual([]);
    expect(result.matches.map((m) => [m.external, m.internal])).toEqual([[['e1', 'e2'], ['i']]]);
  });

  it('does not group records that share neither a reference core nor a counterparty core', () => {
    const result = run(
      [rec('e', '2026-10-10', '300.00', { counterparty: 'Bolt Ltd' })],
      [rec('i1', '2026-10-10', '100.00', { counterparty: 'Brightwave BV', reference: 'SO-1' }), rec('i2', '2026-10-10', '200.00', { counterparty: 'Lumen SARL', reference: 'SO-2' })],
    );
    expect(result.breaks.map((b) => b.shape)).toEqual(['one_sided', 'one_sided', 'one_sided']);
  });
});
