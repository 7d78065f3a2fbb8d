import { describe, expect, it } from 'vitest';
import { canonicalRecordSchema, caseRecordSchema } from './canonical-record.ts';
import { normalizeReference, referencesEqual } from './normalize-reference.ts';

const cash = {
  id: 'mt940:DE89:2026-10-02:1',
  side: 'external',
  account: 'DE89370400440532013000',
  date: '2026-10-02',
  valueDate: '2026-10-02',
  amount: '-1250.00',
  currency: 'EUR',
  reference: 'INV-1001',
  counterparty: 'ACME GmbH',
  description: 'SEPA Ueberweisung INV-1001',
  provenance: { file: 'oct.sta', line: 14, entry: 0, raw: { ':61:': '2610021002DR1250,00NTRFINV-1001' } },
};

const trade = {
  id: 'custody:T-77',
  side: 'external',
  account: 'CUST-001',
  date: '2026-10-05',
  amount: '-10150.00',
  currency: 'USD',
  securityId: 'US0378331005',
  securityIdType: 'ISIN',
  securityIds: { ISIN: 'US0378331005', CUSIP: '037833100' },
  quantity: '50',
  price: '203.00',
  tradeDate: '2026-10-05',
  settleDate: '2026-10-06',
  fxRate: '1.0000',
  kind: 'trade',
};

describe('canonicalRecordSchema', () => {
  it('accepts cash and securities records', () => {
    expect(canonicalRecordSchema.parse(cash)).toEqual(cash);
    expect(canonicalRecordSchema.parse(trade)).toEqual(trade);
  });

  it('points at the field that is wrong', () => {
    const result = canonicalRecordSchema.safeParse({ ...cash, amount: '1.250,00', date: '2026-02-30', currency: 'EURO', side: 'left' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['amount', 'currency', 'date', 'side']);
  });

  it('rejects amounts as numbers (no floats) and unknown keys', () => {
    expect(canonicalRecordSchema.safeParse({ ...cash, amount: -1250 }).success).toBe(false);
    const typo = canonicalRecordSchema.safeParse({ ...cash, ammount: '1' });
    expect(typo.success).toBe(false);
    expect(typo.error!.issues[0]!.message).toMatch(/ammount/);
  });

  it('reads case records without a side and drops annotations', () => {
    const { side: _side, ...withoutSide } = cash;
    const parsed = caseRecordSchema.parse({ ...withoutSide, note: 'fee taken in flight' });
    expect(parsed).not.toHaveProperty('note');
    expect(parsed.amount).toBe('-1250.00');
  });
});

describe('normalizeReference', () => {
  it('ignores case, spaces, punctuation and accents', () => {
    expect(normalizeReference(' inv-1001 ')).toBe('INV1001');
    expect(referencesEqual('INV-1001', 'inv 1001')).toBe(true);
    expect(referencesEqual('Rechnung Nr. 4711/é', 'RECHNUNG NR 4711 E')).toBe(true);
    expect(referencesEqual('INV-1001', 'INV-1010')).toBe(false);
  });

  it('never treats two empty references as equal', () => {
    expect(referencesEqual('', '')).toBe(false);
    expect(referencesEqual(undefined, '--')).toBe(false);
  });
});
