import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainDecimal, parseDecimalText } from './parse-decimal-text.ts';

/** The regex test the scan replaced. */
const plainByRegex = (s: string) => /^-?(0|[1-9]\d*)(\.\d+)?$/.test(s) && s !== '-0' && !/^-0(\.0+)?$/.test(s);

describe('isPlainDecimal', () => {
  it('agrees with the regex it replaced', () => {
    for (const s of ['', '-', '0', '-0', '00', '01', '1', '-1', '10.5', '-0.00', '-0.50', '0.', '.5', '1.2.3', '1e5', '+1', '12,50', ' 1', '1 ', '-00.1', '0.000']) {
      expect(isPlainDecimal(s), s).toBe(plainByRegex(s));
    }
    fc.assert(
      fc.property(fc.stringMatching(/^[-+0-9., a]{0,8}$/), (s) => {
        expect(isPlainDecimal(s)).toBe(plainByRegex(s));
      }),
    );
  });

  it('leaves parseDecimalText as it was for canonical input', () => {
    expect(parseDecimalText('-1234.50', { decimal: '.' })).toEqual({ ok: true, value: '-1234.50' });
    expect(parseDecimalText('-0.00', { decimal: '.' })).toEqual({ ok: true, value: '0.00' });
    expect(parseDecimalText('007', { decimal: '.' })).toEqual({ ok: true, value: '7' });
  });
});
