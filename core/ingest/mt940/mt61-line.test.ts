import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IssueCollector } from '../import-issues.ts';
import { match61, parse61, scan61 } from './mt61-line.ts';

const read = (first: string) => parse61(first, undefined, 7, true, new IssueCollector());

describe(':61: statement lines', () => {
  it('reads dates, mark, funds code, amount, type and both references', () => {
    expect(read('2610021002DR1250,00NTRFINV-1001//BANK-9')).toEqual({
      date: '2026-10-02',
      valueDate: '2026-10-02',
      amount: '-1250.00',
      reversal: false,
      typeCode: 'NTRF',
      reference: 'INV-1001',
      bankReference: 'BANK-9',
      description: undefined,
      fundsCode: 'R',
    });
  });

  it('signs reversals the way banks mean them: RD is money back in, RC money out', () => {
    expect(read('261002RD5,NTRFX')).toMatchObject({ amount: '5', reversal: true });
    expect(read('261002RC5,10NTRFX')).toMatchObject({ amount: '-5.10', reversal: true });
    expect(read('261002EC0012,50NTRFX')).toMatchObject({ amount: '12.50', reversal: false });
    expect(read('261002D0,00NTRFX')).toMatchObject({ amount: '0.00' });
  });

  it('puts an entry date in the year closest to the value date', () => {
    expect(read('2601011231C1,00NTRFX')).toMatchObject({ valueDate: '2026-01-01', date: '2025-12-31' });
    expect(read('2512310102C1,00NTRFX')).toMatchObject({ valueDate: '2025-12-31', date: '2026-01-02' });
  });

  it('drops NONREF and reads the bank reference up to the next //', () => {
    expect(read('261002C1,00NMSCnonref//B1//extra')).toMatchObject({ reference: undefined, bankReference: 'B1', typeCode: 'NMSC' });
    expect(read('261002C1,00N   REF//')).toMatchObject({ typeCode: 'N', reference: 'REF', bankReference: undefined });
  });

  it('reports what is wrong, where', () => {
    const issues = new IssueCollector();
    expect(parse61('261302C1,00NTRFX', undefined, 9, true, issues)).toBeUndefined();
    expect(parse61('261002C1,2,3NTRFX', undefined, 10, true, issues)).toBeUndefined();
    expect(parse61('261002C1,00NTRF', undefined, 11, true, issues)).toBeDefined();
    expect(issues.errors.map((e) => [e.line, e.field])).toEqual([
      [9, ':61: value date'],
      [10, ':61: amount'],
    ]);
    expect(issues.warnings).toMatchObject([{ line: 11, field: ':61: reference' }]);
  });

  it('reads by position exactly what the regex reads', () => {
    const part = (values: string[]) => fc.constantFrom(...values);
    const line = fc
      .tuple(
        part(['261001', '991231', '200229', '210229', '000101', '26100a']),
        part(['', '1002', '1231', '0101', '1332', '12', '    ']),
        part(['C', 'D', 'RC', 'RD', 'EC', 'ED', 'R', 'X']),
        part(['', 'R', 'Z', '1']),
        part(['0,00', '79,19', '0012,50', '9,', '1,2', '1,2,3', '100', ',5', '00,00', '12,3A']),
        part(['NTRF', 'N TR', 'NTR ', 'S051', 'ntrf', 'NT']),
        fc.string({ unit: fc.constantFrom('A', '1', '/', ' ', '\u00a0', 'n', 'O', 'N', 'R', 'E', 'F') }),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(line, (first) => {
        const fast = scan61(first, '');
        if (fast) expect(fast).toEqual(match61(first, '', 1, true, new IssueCollector()));
      }),
      { numRuns: 3000 },
    );
  });
});
