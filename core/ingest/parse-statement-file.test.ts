import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../test/fixtures.ts';
import { canonicalRecordSchema } from '../records/canonical-record.ts';
import { detectFormat } from './detect-format.ts';
import { parseStatementFile } from './parse-statement-file.ts';

const FIXTURES: Record<string, string> = {
  'jejik-mt940/volksbankenraiffeisenbanken.txt': 'mt940',
  'jejik-mt940/ing-dos.txt': 'mt940',
  'jejik-mt940/abnamro.txt': 'mt940',
  'wolph-mt940/mBank/mt942.sta': 'mt942',
  'ballerina-swiftmt-to-iso20022/mt950_A_B.fin': 'mt950',
  'genkgo-camt/camt052.v8.xml': 'camt052',
  'genkgo-camt/camt053.v4.xml': 'camt053',
  'genkgo-camt/camt054.v4.xml': 'camt054',
  'ballerina-swiftmt-to-iso20022/mt940_camt_053_B_D.xml': 'camt053',
  'bankstatementparser/sample_statement.csv': 'csv',
  'bankstatementparser/sample.ofx': 'ofx',
  'moj-bai2/nwb_example.bai2': 'bai2',
};

describe('detectFormat', () => {
  for (const [file, format] of Object.entries(FIXTURES)) {
    it(`recognises ${file} as ${format}`, () => expect(detectFormat(readFixture(file))).toBe(format));
  }
  it('gives up on text it does not know', () => expect(detectFormat(new TextEncoder().encode('hello world'))).toBeUndefined());
});

describe('parseStatementFile', () => {
  it('produces valid canonical records with provenance and stable ids', () => {
    const bytes = readFixture('mt940-rs/danskebank/MT940_DK_Example.sta');
    const first = parseStatementFile(bytes, { fileName: 'dk.sta', side: 'external' });
    const again = parseStatementFile(bytes, { fileName: 'dk.sta', side: 'external' });
    expect(first.errors).toEqual([]);
    expect(first.records).toHaveLength(89);
    for (const r of first.records) expect(canonicalRecordSchema.safeParse(r).success).toBe(true);
    expect(new Set(first.records.map((r) => r.id)).size).toBe(89);
    expect(again.records.map((r) => r.id)).toEqual(first.records.map((r) => r.id));
    expect(first.records[0]!.provenance).toMatchObject({ file: 'dk.sta', line: expect.any(Number) });
  });

  it('applies an account override (a GL account for a ledger file)', () => {
    const out = parseStatementFile(readFixture('bankstatementparser/sample_statement.csv'), { fileName: 'gl.csv', side: 'internal', account: '1200' });
    expect(out.records.every((r) => r.account === '1200' && r.side === 'internal')).toBe(true);
  });

  it('asks for the format when it cannot tell', () => {
    const out = parseStatementFile(new TextEncoder().encode('just some words'), { fileName: 'x.txt', side: 'external' });
    expect(out.errors[0]!.message).toMatch(/name it with --format/);
  });

  it('never crashes or hangs on mutated real files', () => {
    const sources = ['jejik-mt940/volksbankenraiffeisenbanken.txt', 'genkgo-camt/camt053.v2.multi.statement.xml', 'bankstatementparser/sample_split_amounts.csv'].map((f) => readFixture(f));
    const mutation = fc.record({
      source: fc.integer({ min: 0, max: sources.length - 1 }),
      kind: fc.constantFrom('truncate', 'flip', 'insert'),
      at: fc.nat(),
      byte: fc.integer({ min: 0, max: 255 }),
      line: fc.constantFrom(':61:991332C1,NTRF\n', '<Ntry><Amt>x</Amt></Ntry>', '"unclosed,\n', '\n\n', '<<<>>>'),
    });
    fc.assert(
      fc.property(mutation, ({ source, kind, at, byte, line }) => {
        const original = sources[source]!;
        const pos = at % original.length;
        let bytes: Uint8Array;
        if (kind === 'truncate') bytes = original.subarray(0, pos);
        else if (kind === 'flip') {
          bytes = Uint8Array.from(original);
          bytes[pos] = byte;
        } else bytes = new Uint8Array([...original.subarray(0, pos), ...new TextEncoder().encode(line), ...original.subarray(pos)]);
        const out = parseStatementFile(bytes, { fileName: 'mutated', side: 'external', account: 'X' });
        // Either records or structured errors, never an exception.
        expect(Array.isArray(out.records)).toBe(true);
        for (const e of out.errors) expect(typeof e.message).toBe('string');
        if (out.errors.length === 0) for (const r of out.records) expect(canonicalRecordSchema.safeParse(r).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the last guard before records', () => {
  it('refuses an entry with a corrupted currency code, naming line and field', () => {
    const bytes = Uint8Array.from(readFixture('genkgo-camt/camt053.v2.multi.statement.xml'));
    const text = new TextDecoder().decode(bytes);
    const at = text.indexOf('<Amt Ccy="EUR">8.85') + '<Amt Ccy="'.length;
    bytes[at] = 0;
    const out = parseStatementFile(bytes, { fileName: 'broken.xml', side: 'external' });
    expect(out.records).toEqual([]);
    expect(out.errors[0]).toMatchObject({ field: 'currency', message: '"\\u0000UR" is not an ISO 4217 currency code' });
    expect(out.errors[0]!.line).toBeGreaterThan(1);
  });
});
