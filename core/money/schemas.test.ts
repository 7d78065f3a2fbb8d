import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES } from './currency.ts';
import { isDecimalString, MAX_DECIMAL_LENGTH } from './decimal.ts';
import { currencyCodeSchema, decimalStringSchema } from './schemas.ts';

describe('decimalStringSchema', () => {
  it('accepts signed decimal strings', () => {
    for (const ok of ['-12.50', '985', '0.001', '+3', '0', '-0.00', '00012.50']) expect(decimalStringSchema.safeParse(ok).success, ok).toBe(true);
  });

  it('rejects locale formats, partial numbers, specials, padding and numbers', () => {
    const bad: unknown[] = ['1,000.00', '1.000,00', '12.', '.5', 'NaN', 'Infinity', ' 1', '1 ', '1e3', '', '-', 12.5, 985, null, undefined, 10n];
    for (const value of bad) expect(decimalStringSchema.safeParse(value).success, String(value)).toBe(false);
    expect(decimalStringSchema.safeParse('9'.repeat(MAX_DECIMAL_LENGTH + 1)).success).toBe(false);
  });

  it('gives a message that shows the expected shape', () => {
    const result = decimalStringSchema.safeParse('1,000.00');
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.message).toMatch(/decimal string such as "-1250\.00"/);
  });

  it('agrees with parseDecimal on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: fc.constantFrom('0', '1', '9', '.', '-', '+', ',', 'e', ' ') }), fc.string()), (text) => {
        expect(decimalStringSchema.safeParse(text).success).toBe(isDecimalString(text));
      }),
    );
  });
});

describe('currencyCodeSchema', () => {
  it('accepts every known ISO 4217 code', () => {
    for (const code of CURRENCY_CODES) expect(currencyCodeSchema.safeParse(code).success, code).toBe(true);
  });

  it('rejects lower case, unknown codes and non-strings with one issue each', () => {
    for (const value of ['eur', 'ABC', 'EURO', 'XTS', '', 978]) {
      const result = currencyCodeSchema.safeParse(value);
      expect(result.success, String(value)).toBe(false);
      expect(result.error?.issues, String(value)).toHaveLength(1);
    }
    expect(currencyCodeSchema.safeParse('eur').error?.issues[0]?.message).toMatch(/three upper-case letters/);
    expect(currencyCodeSchema.safeParse('ABC').error?.issues[0]?.message).toMatch(/ISO 4217/);
  });
});
