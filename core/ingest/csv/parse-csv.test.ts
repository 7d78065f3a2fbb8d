import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/fixtures.ts';
import { decodeText } from '../decode-text.ts';
import { BANK_PROFILE, csvProfileSchema, LEDGER_PROFILE } from './csv-profile.ts';
import { CsvReader } from './csv-reader.ts';
import { CsvParser, parseCsv } from './parse-csv.ts';

const bank = (file: string, defaultCurrency?: string) =>
  parseCsv(decodeText(readFixture(file)).text, { profile: BANK_PROFILE, ...(defaultCurrency ? { defaultCurrency } : {}) });
const entries = (out: ReturnType<typeof parseCsv>) => out.statements[0]!.entries;

describe('parseCsv with the built-in bank profile', () => {
  it('reads a plain English export', () => {
    const out = bank('bankstatementparser/sample_statement.csv');
    expect(out.errors).toEqual([]);
    expect(entries(out).map((e) => [e.date, e.amount, e.currency, e.reference])).toEqual([
      ['2026-03-20', '2500.00', 'EUR', 'TXN-001'],
      ['2026-03-21', '-1200.00', 'EUR', 'TXN-002'],
    ]);
  });

  it('reads separate credit and debit columns with comma decimals', () => {
    const out = bank('bankstatementparser/sample_split_amounts.csv');
    expect(entries(out).map((e) => e.amount)).toEqual(['1250.50', '-200.25']);
  });

  it('reads French and Spanish headers and "1.234,56" amounts', () => {
    expect(entries(bank('bankstatementparser/golden/csv_french_headers.csv')).map((e) => e.amount)).toEqual(['-1234.56', '3500.00', '-4.50']);
    const es = bank('bankstatementparser/golden/csv_spanish_headers.csv');
    expect(entries(es).map((e) => e.amount)).toEqual(['-1234.56', '3500.00', '-4.50']);
    expect(entries(es)[0]!.account).toBe('ES9121000418450200051332');
  });

  it('reads US exports: MM/DD/YYYY dates, "$" amounts, withdrawal and deposit columns', () => {
    const out = bank('csv2ofx/test/schwab-checking.csv', 'USD');
    expect(out.errors).toEqual([]);
    expect(entries(out)[0]).toMatchObject({ date: '2022-08-17', amount: '20.00' });
    expect(entries(out)[1]).toMatchObject({ date: '2022-08-14', amount: '-103.00' });
  });

  it('reads DD/MM/YYYY dates and DD-MMM-YY dates', () => {
    expect(entries(bank('csv2ofx/test/ingesp.csv', 'EUR'))[0]!.date).toBe('2022-03-24');
    expect(entries(bank('csv2ofx/test/xero.csv', 'NZD'))[0]!.date).toBe('2015-01-23');
  });

  it('refuses a garbled amount with line and column, importing nothing', () => {
    const out = bank('bankstatementparser/golden/csv_garbled_amount.csv');
    expect(out.errors).toEqual([expect.objectContaining({ line: 3, field: 'amount ("Amount")', message: '"12..34" is not a number (more than one ".")' })]);
  });

  it('says which column is missing, once', () => {
    const out = bank('csv2ofx/test/amazon.csv');
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]!.message).toMatch(/no amount column/);
  });
});

describe('parseCsv with custom profiles', () => {
  it('reads a headerless file by column positions', () => {
    const profile = csvProfileSchema.parse({
      name: 'mint-headerless',
      header: false,
      dateFormat: 'MM/DD/YYYY',
      decimal: '.',
      thousands: [','],
      defaultCurrency: 'USD',
      columns: { date: 1, description: 2, amount: 4, counterparty: 6 },
    });
    const out = parseCsv('6/12/15,Transfer,Account Transfer,"1,000.00",debit,Checking,Savings\n6/13/15,Fee,Bank Fee,"12.50",debit,Checking,Bank\n', { profile });
    expect(out.errors).toEqual([]);
    expect(entries(out).map((e) => [e.date, e.amount, e.description])).toEqual([
      ['2015-06-12', '1000.00', 'Transfer'],
      ['2015-06-13', '12.50', 'Fee'],
    ]);
  });

  it("reads Swiss thousands (11'373.94) and ledger debit/credit semantics", () => {
    const text = "Entry ID;Posting date;Debit;Credit;Currency;Reference\nJ-1;31.10.2026;11'373.94;;CHF;INV-9\nJ-2;31.10.2026;;250.00;CHF;INV-10\n";
    const out = parseCsv(text, { profile: LEDGER_PROFILE });
    expect(out.errors).toEqual([]);
    // In the books a debit to the bank account is money in.
    expect(entries(out).map((e) => [e.bankReference, e.date, e.amount])).toEqual([
      ['J-1', '2026-10-31', '11373.94'],
      ['J-2', '2026-10-31', '-250.00'],
    ]);
  });

  it('reports a quote that never closes', () => {
    const out = parseCsv('Date,Amount,Currency\n2026-01-01,"12.00,EUR\n', { profile: BANK_PROFILE });
    expect(out.errors[0]).toMatchObject({ code: 'unterminated_quote', line: 2 });
  });
});

describe('CsvReader', () => {
  it('handles quotes, escaped quotes, embedded delimiters and line breaks, CRLF', () => {
    const rows: { fields: string[]; line: number }[] = [];
    const reader = new CsvReader(',', (r) => rows.push(r));
    reader.write('a,"b,c","say ""hi"""\r\n"multi\nline",x,\r\n\r\nlast,1,2');
    reader.end();
    expect(rows).toEqual([
      { fields: ['a', 'b,c', 'say "hi"'], line: 1 },
      { fields: ['multi\nline', 'x', ''], line: 2 },
      { fields: ['last', '1', '2'], line: 5 },
    ]);
  });

  it('gives the same rows however the input is chunked', () => {
    const text = 'Date;Amount;Currency;Description\n2026-01-01;"1.234,56";EUR;"a ""quoted""; text"\r\n2026-01-02;-5,00;EUR;plain\n';
    const whole = parseCsv(text, { profile: BANK_PROFILE });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 8 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const parser = new CsvParser({ profile: BANK_PROFILE });
        let last = 0;
        for (const p of [...points, text.length]) {
          parser.write(text.slice(last, p));
          last = p;
        }
        expect(parser.end()).toEqual(whole);
      }),
    );
  });
});

describe('row provenance', () => {
  it('keeps each row as its fields joined, whether the text is sliced or rebuilt', () => {
    const text = 'Date,Amount,Currency,Description\r\n2026-01-01,1.00,EUR,plain\r\n2026-01-02,2.00,EUR,"quoted, with comma"\n2026-01-03,3.00,EUR,last';
    const rows = entries(parseCsv(text, { profile: BANK_PROFILE })).map((e) => e.raw.row);
    expect(rows).toEqual(['2026-01-01,1.00,EUR,plain', '2026-01-02,2.00,EUR,quoted, with comma', '2026-01-03,3.00,EUR,last']);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 6 }), (cuts) => {
        const parser = new CsvParser({ profile: BANK_PROFILE });
        let last = 0;
        for (const p of [...[...new Set(cuts)].sort((a, b) => a - b), text.length]) {
          parser.write(text.slice(last, p));
          last = p;
        }
        expect(parser.end().statements[0]!.entries.map((e) => e.raw.row)).toEqual(rows);
      }),
    );
  });
});
