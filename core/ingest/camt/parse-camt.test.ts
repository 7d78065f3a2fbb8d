import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath, readFixture } from '../../../test/fixtures.ts';
import { amountsEqual, formatMoney } from '../../money/money.ts';
import { decodeText } from '../decode-text.ts';
import { parseMt940 } from '../mt940/parse-mt940.ts';
import { checkStatements } from '../statement-integrity.ts';
import { CamtParser, parseCamt } from './parse-camt.ts';

const text = (file: string) => decodeText(readFixture(file)).text;
const parse = (file: string) => parseCamt(text(file));

describe('parseCamt on real files', () => {
  const camtFiles = [
    ...readdirSync(fixturePath('genkgo-camt')).map((f) => `genkgo-camt/${f}`),
    ...readdirSync(fixturePath('moov-iso20022')).map((f) => `moov-iso20022/${f}`),
    ...['abn_amro', 'goldman_sachs', 'ing', 'nordea'].flatMap((d) => readdirSync(fixturePath(`iso20022-js/${d}`)).map((f) => `iso20022-js/${d}/${f}`)),
    'bankstatementparser/camt.053.001.02.xml',
    'bankstatementparser/golden/camt053_multicurrency.xml',
    'bankstatementparser/golden/camt053_duplicate_same_day.xml',
  ].filter((f) => f.endsWith('.xml') && !/wrong|garbled|statement_1/.test(f));

  for (const file of camtFiles) {
    it(`imports ${file}`, () => {
      const out = parse(file);
      expect(out.errors).toEqual([]);
      expect(out.statements.length).toBeGreaterThan(0);
      for (const s of out.statements) {
        expect(s.account).toBeTruthy();
        for (const e of s.entries) {
          expect(e.amount).toMatch(/^-?\d+(\.\d+)?$/);
          expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(e.currency).toMatch(/^[A-Z]{3}$/);
        }
      }
    });
  }

  it('refuses the deliberately invalid document with a clear reason', () => {
    const out = parse('genkgo-camt/camt053.v2.wrong.xml');
    expect(out.errors).toEqual([expect.objectContaining({ path: 'Document/BkToCstmrStmt', message: 'the message has no Stmt element, so no statement to import' })]);
  });

  it('refuses a garbled amount, naming line and element', () => {
    const out = parse('bankstatementparser/golden/camt053_garbled_amount.xml');
    expect(out.errors[0]).toMatchObject({ field: 'Amt', message: '"12..34" is not a number (more than one ".")' });
    expect(out.errors[0]!.line).toBeGreaterThan(1);
    expect(out.errors[0]!.path).toMatch(/Stmt\[1\]\/Ntry\[1\]\/Amt$/);
  });

  it('reads several statements per message and checks each balance', () => {
    const out = parse('genkgo-camt/camt053.v2.multi.statement.xml');
    expect(out.statements).toHaveLength(2);
    expect(checkStatements(out.statements).checks.map((c) => c.foots)).toEqual([true, true]);
  });

  it('reads five-decimal amounts exactly and party names of every version', () => {
    // Amounts with more decimals than the currency has are kept exactly as written.
    expect(parse('genkgo-camt/camt053.v2.five.decimals.xml').statements[0]!.entries.map((e) => e.amount)).toContain('8.850');
    const withParties = parse('genkgo-camt/camt053.v2.with-party-ids.xml').statements[0]!.entries[0]!;
    expect(withParties.counterparty).toBeTruthy();
  });

  it('leaves out entries that are not booked, with a warning', () => {
    const out = parse('genkgo-camt/camt052.v6.Amt-zero.xml');
    expect(out.statements[0]!.entries).toHaveLength(0);
    expect(out.warnings[0]!.code).toBe('pending_entries_skipped');
  });

  it('splits a batch entry into its transaction details when they add up', () => {
    const out = parse('iso20022-js/abn_amro/example_camt.xml');
    const all = out.statements.flatMap((s) => s.entries);
    expect(all.some((e) => e.path?.includes('TxDtls['))).toBe(true);
    expect(checkStatements(out.statements).checks.every((c) => c.foots !== false)).toBe(true);
  });

  it('gives the same result however the stream is chunked', () => {
    const source = text('moov-iso20022/FI_camt_053_sample.xml.xml');
    const whole = parseCamt(source);
    const parser = new CamtParser();
    for (let i = 0; i < source.length; i += 7) parser.write(source.slice(i, i + 7));
    expect(parser.end()).toEqual(whole);
  });
});

describe('the same statement as MT and as camt.053', () => {
  for (const [mt, camt] of [
    ['ballerina-swiftmt-to-iso20022/mt940_B_D.fin', 'ballerina-swiftmt-to-iso20022/mt940_camt_053_B_D.xml'],
    ['ballerina-swiftmt-to-iso20022/mt940_C_D.fin', 'ballerina-swiftmt-to-iso20022/mt940_camt_053_C_D.xml'],
    ['ballerina-swiftmt-to-iso20022/mt950_A_B.fin', 'ballerina-swiftmt-to-iso20022/mt950_camt_053_A_B.xml'],
  ] as const) {
    it(`${mt} agrees with ${camt}`, () => {
      const a = parseMt940(text(mt));
      const b = parse(camt);
      expect(a.errors).toEqual([]);
      expect(b.errors).toEqual([]);
      const key = (e: { amount: string; currency: string; valueDate?: string; date: string }) => `${formatMoney(e.amount, e.currency)} ${e.currency} ${e.valueDate ?? e.date}`;
      const mtEntries = a.statements.flatMap((s) => s.entries);
      const camtEntries = b.statements.flatMap((s) => s.entries);
      expect(camtEntries).toHaveLength(mtEntries.length);
      expect(camtEntries.map(key).sort()).toEqual(mtEntries.map(key).sort());
      expect(amountsEqual(b.statements[0]!.opening!.amount, a.statements[0]!.opening!.amount)).toBe(true);
      expect(amountsEqual(b.statements[0]!.closing!.amount, a.statements[0]!.closing!.amount)).toBe(true);
    });
  }
});
