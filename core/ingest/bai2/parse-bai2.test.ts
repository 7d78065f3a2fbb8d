import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/fixtures.ts';
import { decodeText } from '../decode-text.ts';
import { checkStatements } from '../statement-integrity.ts';
import { parseBai2 } from './parse-bai2.ts';

const parse = (file: string) => parseBai2(decodeText(readFixture(file)).text);
const entries = (out: ReturnType<typeof parseBai2>) => out.statements.flatMap((s) => s.entries);

describe('parseBai2 on real files', () => {
  for (const [file, count] of [
    ['moj-bai2/nwb_example.bai2', 5],
    ['moj-bai2/svb_us_example.bai2', 2],
    ['moov-bai2/sample1.txt', 17],
    ['moov-bai2/sample2.txt', 4],
    ['moov-bai2/sample3.txt', 26],
    ['moov-bai2/sample5-issue113.txt', 20],
  ] as const) {
    it(`reads ${file}`, () => {
      const out = parse(file);
      expect(out.errors).toEqual([]);
      expect(entries(out)).toHaveLength(count);
    });
  }

  it('uses implied decimals, type codes for direction and 88 continuations for text', () => {
    const out = parse('moj-bai2/svb_us_example.bai2');
    expect(entries(out)[0]).toMatchObject({ date: '2022-02-01', amount: '4901.96', currency: 'USD', bankReference: '172629', description: 'SOME PAYMENT ACH OFFSET' });
    expect(checkStatements(out.statements).checks.map((c) => c.foots)).toEqual([true, true]);
    const returned = parse('moov-bai2/sample1.txt');
    expect(entries(returned)[0]).toMatchObject({ amount: '-25.00', currency: 'CAD', description: 'RETURNED CHEQUE', valueDate: '2006-03-16' });
  });

  it('reads records run together on one line and text wrapped without 88', () => {
    const out = parse('moov-bai2/sample3.txt');
    expect(checkStatements(out.statements).checks.every((c) => c.foots)).toBe(true);
    expect(entries(out)[0]).toMatchObject({ amount: '25.00', description: 'TRANSFER PAYPAL PPD' });
  });

  it('refuses a file that is not BAI2 and a bad amount, with line and field', () => {
    expect(parse('moov-bai2/errors/sample-parseError.txt').errors[0]).toMatchObject({ line: 1, message: expect.stringContaining('01 file header') });
    const out = parseBai2('01,A,B,230101,1200,1,,,2/\n02,B,A,1,230101,,USD,2/\n03,123,USD,010,100,,/\n16,142,12.50,,REF,,TEXT/\n49,100,3/\n98,100,1,5/\n99,100,1,7/');
    expect(out.errors[0]).toMatchObject({ line: 4, field: '16 amount', message: expect.stringContaining('"12.50" is not an amount') });
  });
});
