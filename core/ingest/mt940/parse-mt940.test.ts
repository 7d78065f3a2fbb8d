import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath, readFixture } from '../../../test/fixtures.ts';
import { amountsEqual } from '../../money/money.ts';
import { decodeText } from '../decode-text.ts';
import { checkStatements } from '../statement-integrity.ts';
import { parseMt940 } from './parse-mt940.ts';

const parse = (file: string) => parseMt940(decodeText(readFixture(file)).text);

interface RsLine {
  value_date: string;
  entry_date: string | null;
  ext_debit_credit_indicator: string;
  amount: string;
  customer_ref: string;
  bank_ref: string | null;
}
interface RsStatement {
  account_id: string;
  opening_balance: { debit_credit_indicator: string; amount: string; iso_currency_code: string };
  closing_balance: { debit_credit_indicator: string; amount: string };
  statement_lines: RsLine[];
}

const signedRs = (indicator: string, amount: string) => (/Debit/.test(indicator) && !indicator.startsWith('Reverse') ? `-${amount}` : indicator === 'ReverseCredit' ? `-${amount}` : amount);

describe('parseMt940 against expected outputs from other parsers', () => {
  for (const name of ['danskebank/MT940_DK_Example', 'danskebank/MT940_FI_Example', 'betterplace/sepa_snippet']) {
    it(`agrees with mt940-rs on ${name}`, () => {
      const expected = JSON.parse(readFileSync(fixturePath(`mt940-rs/${name}.json`), 'utf8')) as RsStatement[];
      const out = parse(`mt940-rs/${name}.sta`);
      expect(out.errors).toEqual([]);
      expect(out.statements).toHaveLength(expected.length);
      out.statements.forEach((statement, i) => {
        const want = expected[i]!;
        expect(statement.account).toBe(want.account_id);
        expect(statement.currency).toBe(want.opening_balance.iso_currency_code);
        expect(amountsEqual(statement.opening!.amount, signedRs(want.opening_balance.debit_credit_indicator, want.opening_balance.amount))).toBe(true);
        expect(amountsEqual(statement.closing!.amount, signedRs(want.closing_balance.debit_credit_indicator, want.closing_balance.amount))).toBe(true);
        expect(statement.entries).toHaveLength(want.statement_lines.length);
        statement.entries.forEach((entry, j) => {
          const line = want.statement_lines[j]!;
          expect(entry.valueDate, `${name} #${i}/${j}`).toBe(line.value_date);
          expect(entry.date).toBe(line.entry_date ?? line.value_date);
          expect(amountsEqual(entry.amount, signedRs(line.ext_debit_credit_indicator, line.amount)), `${entry.amount} vs ${line.amount}`).toBe(true);
        });
      });
    });
  }

  for (const name of ['base-1', 'ing-1']) {
    it(`agrees with mt940-js on ${name}`, () => {
      const expected = JSON.parse(readFileSync(fixturePath(`mt940-js/${name}.json`), 'utf8')) as {
        accountId: string;
        transactions: { isCredit: boolean; amount: number; valueDate: string; currency: string }[];
      }[];
      const out = parse(`mt940-js/${name}.mta`);
      expect(out.errors).toEqual([]);
      expect(out.statements.map((s) => s.entries.length)).toEqual(expected.map((s) => s.transactions.length));
      out.statements.forEach((s, i) =>
        s.entries.forEach((e, j) => {
          const t = expected[i]!.transactions[j]!;
          expect(e.valueDate).toBe(t.valueDate);
          expect(e.currency).toBe(t.currency);
          expect(amountsEqual(e.amount, `${t.isCredit ? '' : '-'}${t.amount.toFixed(2)}`)).toBe(true);
        }),
      );
    });
  }
});

describe('parseMt940 on real bank layouts', () => {
  it('reads German ?-subfields with SEPA keys', () => {
    const out = parse('jejik-mt940/volksbankenraiffeisenbanken.txt');
    expect(out.errors).toEqual([]);
    const first = out.statements[0]!.entries[0]!;
    expect(first).toMatchObject({ amount: '65.00', currency: 'EUR', counterparty: 'Olivia Dorn', date: '2020-02-19' });
    expect(first.description).toContain('einfach so fuer euch');
  });

  it('reads ING /EREF/ details, CRLF line ends and SWIFT envelopes', () => {
    const out = parse('jejik-mt940/ing-dos.txt');
    expect(out.errors).toEqual([]);
    expect(out.statements[0]!.entries).toHaveLength(7);
    expect(out.statements[0]!.entries[0]!.amount).toBe('-25.03');
  });

  it('skips bank preambles before :20: and reads :28: sequences', () => {
    const out = parse('jejik-mt940/abnamro.txt');
    expect(out.errors).toEqual([]);
    expect(out.statements.map((s) => s.account)).toEqual(['517852257', '517852257']);
    expect(out.statements[0]!.entries[0]).toMatchObject({ amount: '-9', date: '2011-05-24' });
  });

  it('treats RD as a reversal of a debit (money back in) and reports the statement that does not foot', () => {
    const out = parse('jejik-mt940/sparkasse2.txt');
    expect(out.statements[0]!.entries[0]).toMatchObject({ amount: '1027.25', reversal: true });
    const { checks, warnings } = checkStatements(out.statements);
    expect(checks[0]!.foots).toBe(false);
    expect(warnings[0]!.message).toMatch(/closing balance is 931304.50/);
  });

  it('reads latin-1 bytes as text', () => {
    const bytes = readFixture('mt940-rs/special-cases/invalid_utf8.sta');
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe('windows-1252');
    expect(parseMt940(text).errors).toEqual([]);
  });

  it('reads MT942 interim reports with the currency from :34F:', () => {
    const out = parse('wolph-mt940/mBank/mt942.sta');
    expect(out.errors).toEqual([]);
    expect(out.statements[0]!.entries.every((e) => e.currency === 'PLN')).toBe(true);
  });

  it('reads MT950 and MT940 with debit balances', () => {
    const mt950 = parse('ballerina-swiftmt-to-iso20022/mt950_A_B.fin');
    expect(mt950.errors).toEqual([]);
    expect(checkStatements(mt950.statements).checks[0]!.foots).toBe(true);
    const debit = parse('ballerina-swiftmt-to-iso20022/mt940_B_D.fin');
    expect(debit.statements[0]!.opening!.amount.startsWith('-')).toBe(true);
    expect(checkStatements(debit.statements).checks[0]!.foots).toBe(true);
  });

  it('warns about an unknown tag and keeps going', () => {
    const out = parse('mt940-rs/special-cases/unknown_tag.sta');
    expect(out.errors).toEqual([]);
    expect(out.warnings.map((w) => w.field)).toContain(':12:');
  });
});

describe('parseMt940 provenance', () => {
  it('keeps the :61: and :86: values as the file gives them, for reviewers', () => {
    const text = [':20:X', ':25:DE89', ':60F:C261001EUR0,00', ':61:2610011001CR10,00NTRFNONREF//B-1', 'SUPPLEMENTARY', ':86:166?00GUTSCHRIFT?20EREF+E-1?21SVWZ+Invoice', '?2242?32ACME', ':61:261002D2,50NMSCREF-2', ':62F:C261002EUR7,50', '-'].join('\r\n');
    const out = parseMt940(text);
    expect(out.errors).toEqual([]);
    const [first, second] = out.statements[0]!.entries;
    expect(first).toMatchObject({ line: 4, amount: '10.00', reference: 'E-1', bankReference: 'B-1', counterparty: 'ACME', description: 'GUTSCHRIFT — Invoice42' });
    expect(first!.raw).toEqual({ ':61:': '2610011001CR10,00NTRFNONREF//B-1\nSUPPLEMENTARY', fundsCode: 'R', ':86:': '166?00GUTSCHRIFT?20EREF+E-1?21SVWZ+Invoice\n?2242?32ACME' });
    expect(second).toMatchObject({ line: 8, amount: '-2.50', reference: 'REF-2', description: undefined });
    expect(second!.raw).toEqual({ ':61:': '261002D2,50NMSCREF-2' });
    expect(checkStatements(out.statements).checks[0]!.foots).toBe(true);
  });
});

describe('parseMt940 errors', () => {
  it('names the line, tag and value of an impossible date', () => {
    const out = parse('wolph-mt940/self-provided/february_30.sta');
    expect(out.errors).toEqual([expect.objectContaining({ line: 6, field: ':61: value date', message: '"160230" is not a valid date' })]);
  });

  it('reports a garbled amount with line and field', () => {
    const out = parseMt940(':20:X\n:25:DE89\n:28C:1\n:60F:C200101EUR0,00\n:61:200101C12,3A\n:62F:C200101EUR0,00\n-');
    expect(out.errors[0]).toMatchObject({ line: 5, field: ':61:' });
    const amount = parseMt940(':20:X\n:25:DE89\n:60F:C200101EUR1.250\n-');
    expect(amount.errors[0]).toMatchObject({ line: 3, field: ':60F: amount', message: expect.stringContaining('"1.250" has no decimal comma') });
  });

  it('reports many errors at once, up to the limit', () => {
    const lines = [':20:X', ':25:DE89', ':60F:C200101EUR0,00', ...Array.from({ length: 30 }, () => ':61:209999C1,00NTRFNONREF')];
    const out = parseMt940(lines.join('\n'), { errorLimit: 10 });
    expect(out.errors).toHaveLength(11);
    expect(out.errors[10]!.message).toMatch(/20 more error\(s\) not shown/);
  });
});
