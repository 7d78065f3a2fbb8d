import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../test/xlsx-writer.ts';
import { detectFormat } from '../detect-format.ts';
import { parseStatementFile } from '../parse-statement-file.ts';
import { readXlsxRows } from './read-xlsx.ts';

const inflateRaw = (b: Uint8Array) => inflateRawSync(b);

// 46326 is 2026-10-31 in Excel's 1900 date system.
const workbook = writeXlsx([
  [{ s: 'Booking date' }, { s: 'Amount' }, { s: 'Currency' }, { s: 'Reference' }, { s: 'Description' }],
  [{ n: '46326', date: true }, { n: '1250.5' }, { s: 'EUR' }, { s: 'INV-1001' }, { inline: 'Payment & thanks' }],
  [{ n: '46325', date: true }, { n: '-12.300000000000001' }, { s: 'EUR' }, { s: 'FEE-9' }, { s: 'Account fee' }],
]);

describe('readXlsxRows', () => {
  it('resolves shared and inline strings, date styles and float artefacts', () => {
    const rows = readXlsxRows(workbook, inflateRaw);
    expect(rows).toEqual([
      { line: 1, fields: ['Booking date', 'Amount', 'Currency', 'Reference', 'Description'] },
      { line: 2, fields: ['2026-10-31', '1250.5', 'EUR', 'INV-1001', 'Payment & thanks'] },
      { line: 3, fields: ['2026-10-30', '-12.3', 'EUR', 'FEE-9', 'Account fee'] },
    ]);
  });

  it('refuses a file that is not a ZIP', () => {
    expect(() => readXlsxRows(new TextEncoder().encode('not a zip at all, just text'), inflateRaw)).toThrow(/not a ZIP file/);
  });
});

describe('XLSX import through the CSV mapping', () => {
  it('is detected and mapped by the bank profile', () => {
    expect(detectFormat(workbook)).toBe('xlsx');
    const out = parseStatementFile(workbook, { fileName: 'statement.xlsx', side: 'external', account: 'DE89', inflateRaw });
    expect(out.errors).toEqual([]);
    expect(out.records.map((r) => [r.date, r.amount, r.currency, r.reference])).toEqual([
      ['2026-10-31', '1250.5', 'EUR', 'INV-1001'],
      ['2026-10-30', '-12.3', 'EUR', 'FEE-9'],
    ]);
    expect(out.records[0]!.provenance).toMatchObject({ file: 'statement.xlsx', line: 2 });
  });

  it('reports a truncated workbook as an error, not a crash', () => {
    const out = parseStatementFile(workbook.subarray(0, workbook.length - 30), { fileName: 'cut.xlsx', side: 'external', format: 'xlsx', inflateRaw });
    expect(out.records).toEqual([]);
    expect(out.errors[0]!.message).toMatch(/not a readable XLSX workbook/);
  });
});
