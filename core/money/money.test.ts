import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { currencyMinorUnits, CURRENCY_CODES, isCurrencyCode } from './currency.ts';
import {
  addDecimal,
  compareDecimal,
  divideDecimal,
  formatDecimal,
  parseDecimal,
  roundDecimal,
  subtractDecimal,
} from './decimal.ts';
import { amountsEqual, compareAmounts, formatMoney, fromMinorUnits, subtractAmounts, sumAmounts, toMinorUnits } from './money.ts';
import { currencyCodeSchema, decimalStringSchema } from './schemas.ts';

/** A decimal string with exactly `scale` decimals, built from an integer of minor units. */
const amountWithScale = (scale: number) =>
  fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map((minor) => ({ minor, text: formatDecimal({ coef: minor, scale }) }));

/** Independent reference: minor units written out by hand, no shared code with formatDecimal. */
function referenceFormat(minor: bigint, scale: number): string {
  const sign = minor < 0n ? '-' : '';
  const digits = (minor < 0n ? -minor : minor).toString().padStart(scale + 1, '0');
  return scale === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

describe('decimal parse/format', () => {
  it('round-trips any canonical decimal string', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.integer({ min: 0, max: 12 }), (coef, scale) => {
        const text = referenceFormat(coef, scale);
        expect(formatDecimal(parseDecimal(text))).toBe(text);
      }),
    );
  });

  it('formats the way people write amounts', () => {
    expect(formatDecimal(parseDecimal('-0.05'))).toBe('-0.05');
    expect(formatDecimal(parseDecimal('+7'))).toBe('7');
    expect(formatDecimal(parseDecimal('-0.00'))).toBe('0.00');
    expect(formatDecimal(parseDecimal('12.5'), 2)).toBe('12.50');
    expect(formatDecimal(parseDecimal('00012.50'))).toBe('12.50');
  });

  it('rejects anything that is not a plain decimal, naming the value', () => {
    for (const bad of ['1,000.00', '12.', '.5', 'NaN', ' 1', '1e3', '', '--1', '12.3.4', '١٢']) {
      expect(() => parseDecimal(bad), bad).toThrow(AppError);
      expect(() => parseDecimal(bad)).toThrow(JSON.stringify(bad));
    }
  });
});

describe('decimal arithmetic', () => {
  it('sums any number of two- and three-decimal amounts exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(amountWithScale(2), amountWithScale(3)), { maxLength: 200 }), (items) => {
        // Reference: everything in thousandths as plain bigint.
        const expected = items.reduce((sum, { minor, text }) => sum + (text.split('.')[1]?.length === 2 ? minor * 10n : minor), 0n);
        const total = parseDecimal(sumAmounts(items.map((i) => i.text)));
        const scaled = roundDecimal(total, 3);
        expect(scaled.coef).toBe(expected);
      }),
    );
  });

  it('classic float traps are exact', () => {
    expect(sumAmounts(['0.1', '0.2'])).toBe('0.3');
    expect(sumAmounts(Array.from({ length: 10 }, () => '0.10'))).toBe('1.00');
    expect(subtractAmounts('1000.00', '985.00')).toBe('15.00');
    expect(sumAmounts(['9007199254740993.01', '0.01'])).toBe('9007199254740993.02');
  });

  it('subtraction undoes addition', () => {
    fc.assert(
      fc.property(amountWithScale(2), amountWithScale(3), (a, b) => {
        const x = parseDecimal(a.text);
        const y = parseDecimal(b.text);
        expect(compareDecimal(subtractDecimal(addDecimal(x, y), y), x)).toBe(0);
      }),
    );
  });

  it('compare is a total order consistent with the sign of the difference', () => {
    fc.assert(
      fc.property(amountWithScale(2), amountWithScale(4), (a, b) => {
        const diff = parseDecimal(subtractAmounts(a.text, b.text));
        const sign = diff.coef < 0n ? -1 : diff.coef > 0n ? 1 : 0;
        expect(compareAmounts(a.text, b.text)).toBe(sign);
        expect(compareAmounts(b.text, a.text)).toBe(-sign || 0);
      }),
    );
  });

  it('rounds half-even and half-up as documented', () => {
    const r = (v: string, mode: 'half_even' | 'half_up') => formatDecimal(roundDecimal(parseDecimal(v), 2, mode));
    expect(r('2.345', 'half_even')).toBe('2.34');
    expect(r('2.355', 'half_even')).toBe('2.36');
    expect(r('2.345', 'half_up')).toBe('2.35');
    expect(r('-2.345', 'half_up')).toBe('-2.35');
    expect(r('-2.345', 'half_even')).toBe('-2.34');
    expect(r('2.3451', 'half_even')).toBe('2.35');
    expect(formatDecimal(divideDecimal(parseDecimal('1000'), parseDecimal('3'), 4))).toBe('333.3333');
    expect(formatDecimal(divideDecimal(parseDecimal('-985.00'), parseDecimal('1.0870'), 2))).toBe('-906.16');
  });
});

describe('money in a currency', () => {
  it('knows ISO 4217 minor units', () => {
    expect(currencyMinorUnits('EUR')).toBe(2);
    expect(currencyMinorUnits('JPY')).toBe(0);
    expect(currencyMinorUnits('KWD')).toBe(3);
    expect(currencyMinorUnits('CLF')).toBe(4);
    expect(CURRENCY_CODES.length).toBeGreaterThan(150);
    expect(isCurrencyCode('XAU')).toBe(false);
    expect(() => currencyMinorUnits('EURO')).toThrow(/Unknown currency code: "EURO"/);
  });

  it('round-trips minor units for every currency', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCY_CODES), fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), (currency, minor) => {
        const text = fromMinorUnits(minor, currency);
        expect(text).toBe(referenceFormat(minor, currencyMinorUnits(currency)));
        expect(toMinorUnits(text, currency)).toBe(minor);
      }),
    );
  });

  it('refuses to drop decimals silently', () => {
    expect(() => toMinorUnits('12.345', 'EUR')).toThrow(/more decimals than EUR allows \(2\)/);
    expect(toMinorUnits('12.345', 'EUR', 'half_even')).toBe(1234n);
    expect(toMinorUnits('12.3400', 'EUR')).toBe(1234n);
    expect(() => toMinorUnits('100.5', 'JPY')).toThrow(AppError);
    expect(formatMoney('12.5', 'EUR')).toBe('12.50');
    expect(formatMoney('1000', 'JPY')).toBe('1000');
    expect(formatMoney('-1.25', 'KWD')).toBe('-1.250');
    expect(amountsEqual('12.5', '12.50')).toBe(true);
  });
});

describe('schemas', () => {
  it('accept decimal strings and ISO codes only', () => {
    for (const ok of ['-12.50', '985', '0.001', '+3']) expect(decimalStringSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['1,000.00', '12.', '.5', 'NaN', ' 1', 12.5]) expect(decimalStringSchema.safeParse(bad).success, String(bad)).toBe(false);
    expect(currencyCodeSchema.safeParse('EUR').success).toBe(true);
    expect(currencyCodeSchema.safeParse('eur').success).toBe(false);
    expect(currencyCodeSchema.safeParse('ABC').success).toBe(false);
  });
});
