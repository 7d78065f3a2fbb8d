import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedEntry } from './parsed-statement.ts';
import { stableHash } from './stable-hash.ts';
import { toCanonicalRecords } from './to-canonical-records.ts';

/** The id rule as first written (string joins and a Map), kept as the oracle the faster code must match. */
function referenceIds(entries: readonly ParsedEntry[], source: string, account: string): string[] {
  const clean = (v: string | undefined): string | undefined => {
    if (v === undefined) return undefined;
    let t = v.trim();
    if (t === '') return undefined;
    if (/\s\s|[\t\n\r]/.test(t)) t = t.replace(/\s+/g, ' ');
    return t.length > 2000 ? t.slice(0, 2000) : t;
  };
  const occurrences = new Map<string, number>();
  return entries.map((entry) => {
    const base = entry.bankReference
      ? `ref:${entry.bankReference}`
      : `${entry.date}:${stableHash(`${entry.valueDate ?? ''}|${entry.amount}|${entry.currency}|${clean(entry.reference) ?? ''}|${clean(entry.counterparty) ?? ''}|${clean(entry.description) ?? ''}`)}`;
    const key = `${source}:${account}:${base}`;
    const seen = occurrences.get(key) ?? 0;
    occurrences.set(key, seen + 1);
    const id = seen > 0 ? `${key}:${seen}` : key;
    return id.length > 200 ? id.slice(0, 200) : id;
  });
}

const text = fc.option(fc.oneof(fc.constantFrom('INV-1', ' INV-1', 'INV-1 ', 'a  b', 'a\tb', 'x y', '', ' ', 'é  ü', 'a\u00a0b', 'x '.repeat(1100)), fc.string({ maxLength: 12 })), { nil: undefined });
const entry = fc.record({
  date: fc.constantFrom('2026-10-01', '2026-10-02'),
  valueDate: fc.option(fc.constantFrom('2026-10-01', '2026-10-03'), { nil: undefined }),
  amount: fc.constantFrom('1.00', '-2.50', '3'),
  currency: fc.constantFrom('EUR', 'CHF'),
  reference: text,
  counterparty: text,
  description: text,
  bankReference: fc.option(fc.constantFrom('B1', 'B2', ':x'), { nil: undefined }),
  line: fc.nat(),
  raw: fc.constant({ row: 'r' }),
});

describe('toCanonicalRecords ids', () => {
  it('are exactly the ids of the original rule, texts with odd whitespace and repeats included', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), fc.constantFrom('ACC', 'ACC:ref', 'DE89370400440532013000'), (entries, account) => {
        const { records, errors } = toCanonicalRecords([{ entries }], { source: 'csv', side: 'external', fileName: 'f.csv', account });
        expect(errors).toEqual([]);
        expect(records.map((r) => r.id)).toEqual(referenceIds(entries, 'csv', account));
      }),
      { numRuns: 300 },
    );
  });

  it('keep the fields and their order in every record', () => {
    const entries: ParsedEntry[] = [
      { date: '2026-10-01', valueDate: '2026-10-02', amount: '1.00', currency: 'EUR', reference: 'R', counterparty: 'C', description: 'D', line: 2, raw: { row: 'x' } },
      { date: '2026-10-01', amount: '1.00', currency: 'EUR', description: '  two  spaces ', path: 'Ntry[1]', raw: {} },
    ];
    const { records } = toCanonicalRecords([{ entries }], { source: 'csv', side: 'external', fileName: 'f.csv', account: 'A' });
    expect(records.map((r) => Object.keys(r))).toEqual([
      ['id', 'side', 'account', 'date', 'amount', 'currency', 'kind', 'valueDate', 'reference', 'counterparty', 'description', 'provenance'],
      ['id', 'side', 'account', 'date', 'amount', 'currency', 'kind', 'description', 'provenance'],
    ]);
    expect(records.map((r) => Object.keys(r.provenance!))).toEqual([
      ['file', 'entry', 'raw', 'line'],
      ['file', 'entry', 'raw', 'path'],
    ]);
    expect(records[1]!.description).toBe('two spaces');
  });
});
