import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/fixtures.ts';
import { amountsEqual } from '../../money/money.ts';
import { BANK_PROFILE } from '../csv/csv-profile.ts';
import { parseCsv } from '../csv/parse-csv.ts';
import { decodeText } from '../decode-text.ts';
import { parseOfx } from './parse-ofx.ts';

const parse = (file: string) => parseOfx(decodeText(readFixture(file)).text);
const entries = (out: ReturnType<typeof parseOfx>) => out.statements.flatMap((s) => s.entries);

describe('parseOfx on real files', () => {
  for (const [file, count] of [
    ['ofxparse/checking.ofx', 3],
    ['ofxparse/bank_medium.ofx', 3],
    ['ofxparse/anzcc.ofx', 1],
    ['ofxparse/fidelity-savings.ofx', 4],
    ['ofxparse/ofx-v102-empty-tags.ofx', 1],
    ['actualbudget/data-multi-decimal.ofx', 2],
    ['actualbudget/html-vals.qfx', 2],
    ['bankstatementparser/sample.ofx', 2],
    ['bankstatementparser/sample.qfx', 1],
    ['ofxparse/investment_401k.ofx', 6],
    ['ofxparse/vanguard.ofx', 3],
    ['ofxparse/td_ameritrade.ofx', 2],
    ['ofxparse/tiaacref.ofx', 7],
  ] as const) {
    it(`reads ${file}`, () => {
      const out = parse(file);
      expect(out.errors).toEqual([]);
      expect(entries(out)).toHaveLength(count);
    });
  }

  it('reads credit card statements (CCSTMTRS) with their account', () => {
    const out = parse('ofxparse/anzcc.ofx');
    expect(out.statements[0]!.account).toBeTruthy();
    expect(entries(out)[0]).toMatchObject({ amount: '-5.50', date: '2017-05-08' });
  });

  it('reads investment trades and positions with security ids, units and prices', () => {
    const out = parse('ofxparse/vanguard.ofx');
    const [sell, ...positions] = entries(out);
    expect(sell).toMatchObject({ kind: 'trade', amount: '4212.3', quantity: '-42.123', price: '100.00', securityId: '012345678', securityIdType: 'CUSIP', counterparty: 'VFINX', tradeDate: '2011-07-15', settleDate: '2011-07-15' });
    expect(positions.map((p) => [p.kind, p.quantity, p.amount])).toEqual([
      ['position', '102.0', '10200.0'],
      ['position', '142.2', '14279.72'],
    ]);
  });

  it('fails nicely on broken files, naming line and field', () => {
    expect(parse('ofxparse/fail_nice/date_missing.ofx').errors[0]).toMatchObject({ field: 'DTPOSTED', message: 'the transaction has no date' });
    const decimal = parse('ofxparse/fail_nice/decimal_error.ofx').errors.map((e) => e.message);
    expect(decimal).toContain('"$120" is not a number');
    expect(parse('ofxparse/error_message.ofx').errors[0]!.message).toMatch(/server reported error 2000: General Server Error/);
  });
});

describe('the same transactions as CSV and as OFX', () => {
  // The converter that made ingesp.ofx read "08/04/2022" month-first although the
  // same column holds "24/03/2022": its dates are wrong, so only amounts are compared.
  for (const [csv, ofx, currency, compareDates] of [
    ['csv2ofx/test/schwab-checking.csv', 'csv2ofx/converted/schwab-checking.ofx', 'USD', true],
    ['csv2ofx/test/n26-fr.csv', 'csv2ofx/converted/n26.ofx', 'EUR', true],
    ['csv2ofx/test/ingesp.csv', 'csv2ofx/converted/ingesp.ofx', 'EUR', false],
  ] as const) {
    it(`${csv} agrees with ${ofx}`, () => {
      const fromCsv = parseCsv(decodeText(readFixture(csv)).text, { profile: BANK_PROFILE, defaultCurrency: currency }).statements[0]!.entries;
      const fromOfx = entries(parse(ofx));
      expect(fromOfx).toHaveLength(fromCsv.length);
      const key = (e: { date: string; amount: string }) => `${compareDates ? e.date : ''} ${e.amount}`;
      const sorted = <T extends { date: string; amount: string }>(list: T[]) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
      const a = sorted(fromCsv);
      const b = sorted(fromOfx);
      a.forEach((entry, i) => {
        if (compareDates) expect(b[i]!.date).toBe(entry.date);
        expect(amountsEqual(b[i]!.amount, entry.amount), `${b[i]!.amount} vs ${entry.amount}`).toBe(true);
      });
    });
  }
});
