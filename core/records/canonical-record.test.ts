import { describe, expect, it } from 'vitest';
import { canonicalRecordSchema, caseRecordSchema, provenanceSchema } from './canonical-record.ts';

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
  provenance: { importId: 'imp-1', file: 'oct.sta', line: 14, entry: 0, raw: { ':61:': '2610021002DR1250,00NTRFINV-1001' } },
};

const trade = {
  id: 'custody:T-77',
  side: 'internal',
  account: 'CUST-001',
  date: '2026-10-05',
  amount: '-10150.00',
  currency: 'USD',
  securityId: 'US0378331005',
  securityIdType: 'ISIN',
  securityIds: { ISIN: 'US0378331005', CUSIP: '037833100', SEDOL: '2046251' },
  quantity: '50',
  price: '203.00',
  tradeDate: '2026-10-05',
  settleDate: '2026-10-06',
  fxRate: '1.0000',
  kind: 'trade',
};

const minimal = { id: 'i1', side: 'internal', account: '1200', date: '2026-10-01', amount: '0', currency: 'JPY' };

/** Paths of the issues, dotted and sorted, for comparing against the fields expected to fail. */
function failingPaths(schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } }, value: unknown): string[] {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => i.path.map(String).join('.')).sort();
}

describe('canonicalRecordSchema', () => {
  it('accepts cash and securities records as they are', () => {
    expect(canonicalRecordSchema.parse(cash)).toEqual(cash);
    expect(canonicalRecordSchema.parse(trade)).toEqual(trade);
    expect(canonicalRecordSchema.parse(minimal)).toEqual(minimal);
  });

  it('accepts every side, kind and security id type', () => {
    for (const side of ['external', 'internal']) expect(canonicalRecordSchema.safeParse({ ...minimal, side }).success).toBe(true);
    for (const kind of ['cash', 'trade', 'position', 'income']) expect(canonicalRecordSchema.safeParse({ ...trade, kind }).success).toBe(true);
    for (const securityIdType of ['ISIN', 'CUSIP', 'SEDOL', 'TICKER', 'OTHER']) {
      expect(canonicalRecordSchema.safeParse({ ...trade, securityIdType }).success).toBe(true);
    }
  });

  it('points at each field that is wrong', () => {
    expect(failingPaths(canonicalRecordSchema, { ...cash, amount: '1.250,00', date: '2026-02-30', currency: 'EURO', side: 'left' })).toEqual([
      'amount',
      'currency',
      'date',
      'side',
    ]);
    expect(
      failingPaths(canonicalRecordSchema, {
        ...trade,
        quantity: '50 shares',
        price: 203,
        settleDate: '06.10.2026',
        fxRate: '1,0',
        kind: 'swap',
        securityIdType: 'FIGI',
      }),
    ).toEqual(['fxRate', 'kind', 'price', 'quantity', 'securityIdType', 'settleDate']);
  });

  it('points into nested provenance and identifier maps', () => {
    expect(failingPaths(canonicalRecordSchema, { ...cash, provenance: { line: 0, entry: -1, raw: { a: 1 } } })).toEqual([
      'provenance.entry',
      'provenance.line',
      'provenance.raw.a',
    ]);
    expect(failingPaths(canonicalRecordSchema, { ...trade, securityIds: { FIGI: 'BBG000B9XRY4' } })).toEqual(['securityIds']);
    expect(failingPaths(canonicalRecordSchema, { ...trade, securityIds: { ISIN: '' } })).toEqual(['securityIds.ISIN']);
  });

  it('requires the identity, account, date, amount and currency', () => {
    for (const key of ['id', 'side', 'account', 'date', 'amount', 'currency'] as const) {
      const { [key]: _dropped, ...rest } = minimal;
      expect(failingPaths(canonicalRecordSchema, rest), key).toEqual([key]);
    }
    expect(failingPaths(canonicalRecordSchema, { ...minimal, id: '   ' })).toEqual(['id']);
  });

  it('rejects amounts as numbers (no floats)', () => {
    expect(failingPaths(canonicalRecordSchema, { ...cash, amount: -1250 })).toEqual(['amount']);
    expect(failingPaths(canonicalRecordSchema, { ...trade, quantity: 50 })).toEqual(['quantity']);
  });

  it('rejects unknown keys, naming them, at the top level and in provenance', () => {
    const typo = canonicalRecordSchema.safeParse({ ...cash, ammount: '1' });
    expect(typo.success).toBe(false);
    expect(typo.error!.issues[0]!.message).toMatch(/ammount/);
    expect(failingPaths(canonicalRecordSchema, { ...cash, provenance: { file: 'a', lines: 3 } })).toEqual(['provenance']);
  });

  it('treats empty text as a mistake (omit the key instead) and trims text', () => {
    expect(failingPaths(canonicalRecordSchema, { ...cash, reference: '' })).toEqual(['reference']);
    expect(failingPaths(canonicalRecordSchema, { ...cash, description: '  ' })).toEqual(['description']);
    expect(canonicalRecordSchema.parse({ ...cash, counterparty: '  ACME GmbH ' }).counterparty).toBe('ACME GmbH');
  });
});

describe('provenanceSchema', () => {
  it('accepts camt-style provenance with an element path and statement number', () => {
    const camt = { file: 'stmt.xml', entry: 3, path: 'Document/BkToCstmrStmt/Stmt[1]/Ntry[4]', statement: '1' };
    expect(provenanceSchema.parse(camt)).toEqual(camt);
    expect(provenanceSchema.parse({})).toEqual({});
  });

  it('wants whole numbers for line and entry', () => {
    expect(provenanceSchema.safeParse({ line: 1.5 }).success).toBe(false);
    expect(provenanceSchema.safeParse({ entry: 0 }).success).toBe(true);
  });
});

describe('caseRecordSchema', () => {
  const { side: _side, ...withoutSide } = cash;

  it('reads case records without a side', () => {
    expect(caseRecordSchema.parse(withoutSide)).toEqual(withoutSide);
    const { side: _tradeSide, ...tradeWithoutSide } = trade;
    expect(caseRecordSchema.parse(tradeWithoutSide)).toEqual(tradeWithoutSide);
  });

  it('drops unknown keys, including a stray side and provenance annotations', () => {
    const parsed = caseRecordSchema.parse({ ...withoutSide, side: 'external', note: 'fee taken in flight', provenance: { line: 2, sheet: 'Oct' } });
    expect(parsed).not.toHaveProperty('note');
    expect(parsed).not.toHaveProperty('side');
    expect(parsed.provenance).toEqual({ line: 2 });
    expect(parsed.amount).toBe('-1250.00');
  });

  it('still checks every known field, with paths', () => {
    expect(failingPaths(caseRecordSchema, { ...withoutSide, amount: '-1.250,00', valueDate: '2026-13-01' })).toEqual(['amount', 'valueDate']);
  });
});
