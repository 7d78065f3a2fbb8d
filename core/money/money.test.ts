import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { CURRENCY_CODES, currencyMinorUnits } from './currency.ts';
import {
  addAmounts,
  amountSign,
  amountsEqual,
  compareAmounts,
  formatMoney,
  fromMinorUnits,
  negateAmount,
  subtractAmounts,
  sumAmounts,
  toMinorUnits,
} from './money.ts';

/**
 * Independent references, written by hand: amounts are built from integer
 * minor units and read back to integers without any code under test.
 */
function refFormat(minor: bigint, scale: number): string {
  const sign = minor < 0n ? '-' : '';
  const digits = (minor < 0n ? -minor : minor).toString().padStart(scale + 1, '0');
  return scale === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}
function refUnits(text: string, scale: number): bigint {
  const negative = text.startsWith('-');
  const [whole = '', fraction = ''] = text.replace(/^[+-]/, '').split('.');
  if (fraction.length > scale) throw new Error(`reference: ${text} has more than ${scale} decimals`);
  const units = BigInt(whole + fraction.padEnd(scale, '0'));
  return negative ? -units : units;
}

/** An amount with exactly `scale` decimals, with its minor units. */
const amountWithScale = (scale: number) =>
  fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map((minor) => ({ minor, scale, text: refFormat(minor, scale) }));
const twoOrThree = fc.oneof(amountWithScale(2), amountWithScale(3));

describe('sumAmounts', () => {
  it('sums any number (0..200) of two- and three-decimal amounts exactly', () => {
    fc.assert(
      fc.property(fc.array(twoOrThree, { maxLength: 200 }), (items) => {
        const expected = items.reduce((sum, { minor, scale }) => sum + minor * 10n ** BigInt(3 - scale), 0n);
        const total = sumAmounts(items.map((i) => i.text));
        expect(refUnits(total, 3)).toBe(expected);
        // The result carries the largest scale among the inputs, no more.
        const scale = items.some((i) => i.scale === 3) ? 3 : items.length > 0 ? 2 : 0;
        expect(total).toBe(refFormat(expected / 10n ** BigInt(3 - scale), scale));
      }),
    );
  });

  it('does not depend on the order of the amounts', () => {
    fc.assert(
      fc.property(fc.array(twoOrThree, { maxLength: 50 }), (items) => {
        const texts = items.map((i) => i.text);
        expect(sumAmounts([...texts].reverse())).toBe(sumAmounts(texts));
      }),
    );
  });

  it('avoids the float traps', () => {
    expect(sumAmounts([])).toBe('0');
    expect(sumAmounts(['0.1', '0.2'])).toBe('0.3');
    expect(sumAmounts(Array.from({ length: 10 }, () => '0.10'))).toBe('1.00');
    expect(sumAmounts(Array.from({ length: 1000 }, () => '0.01'))).toBe('10.00');
    expect(sumAmounts(['9007199254740993.01', '0.01'])).toBe('9007199254740993.02');
    expect(sumAmounts(['-1250.00', '1250', '0.000'])).toBe('0.000');
  });

  it('names the bad amount', () => {
    expect(() => sumAmounts(['1.00', '1,00'])).toThrow('Not a decimal number: "1,00"');
  });
});

describe('add, subtract, negate, compare', () => {
  it('add and subtract are inverse', () => {
    fc.assert(
      fc.property(twoOrThree, twoOrThree, (a, b) => {
        expect(amountsEqual(subtractAmounts(addAmounts(a.text, b.text), b.text), a.text)).toBe(true);
        expect(amountsEqual(addAmounts(subtractAmounts(a.text, b.text), b.text), a.text)).toBe(true);
        expect(refUnits(subtractAmounts(a.text, b.text), 3)).toBe(a.minor * 10n ** BigInt(3 - a.scale) - b.minor * 10n ** BigInt(3 - b.scale));
      }),
    );
    expect(subtractAmounts('1000.00', '985.00')).toBe('15.00');
    expect(addAmounts('-12.50', '12.5')).toBe('0.00');
  });

  it('compare is a total order consistent with the sign of the difference', () => {
    fc.assert(
      fc.property(amountWithScale(2), amountWithScale(4), amountWithScale(0), (a, b, c) => {
        const sign = amountSign(subtractAmounts(a.text, b.text));
        expect(compareAmounts(a.text, b.text)).toBe(sign);
        expect(compareAmounts(b.text, a.text)).toBe(-sign || 0);
        expect(compareAmounts(a.text, a.text)).toBe(0);
        if (compareAmounts(a.text, b.text) <= 0 && compareAmounts(b.text, c.text) <= 0) expect(compareAmounts(a.text, c.text)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('compares values, not spellings', () => {
    expect(amountsEqual('12.5', '12.50')).toBe(true);
    expect(amountsEqual('-0', '0.00')).toBe(true);
    expect(amountsEqual('+7', '7.000')).toBe(true);
    expect(amountsEqual('12.50', '12.51')).toBe(false);
    expect(compareAmounts('-985.00', '-1000')).toBe(1);
    expect(negateAmount('-12.50')).toBe('12.50');
    expect(negateAmount('0.00')).toBe('0.00');
    expect(amountSign('-0.01')).toBe(-1);
    expect(amountSign('0.00')).toBe(0);
  });
});

describe('minor units', () => {
  it('round-trips through minor units for every currency', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCY_CODES), fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), (currency, minor) => {
        const text = fromMinorUnits(minor, currency);
        expect(text).toBe(refFormat(minor, currencyMinorUnits(currency)));
        expect(toMinorUnits(text, currency)).toBe(minor);
      }),
    );
  });

  it('reads amounts with fewer decimals than the currency, or extra trailing zeros', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCY_CODES), fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.nat(4), (currency, whole, zeros) => {
        const units = currencyMinorUnits(currency);
        expect(toMinorUnits(`${whole}`, currency)).toBe(whole * 10n ** BigInt(units));
        expect(toMinorUnits(`${whole}.${'0'.repeat(units + zeros + 1)}`, currency)).toBe(whole * 10n ** BigInt(units));
      }),
    );
  });

  it('writes exactly the currency decimals', () => {
    expect(fromMinorUnits(1250n, 'EUR')).toBe('12.50');
    expect(fromMinorUnits(-5n, 'EUR')).toBe('-0.05');
    expect(fromMinorUnits(1000n, 'JPY')).toBe('1000');
    expect(fromMinorUnits(1250n, 'KWD')).toBe('1.250');
    expect(fromMinorUnits(1n, 'CLF')).toBe('0.0001');
    expect(fromMinorUnits(0n, 'USD')).toBe('0.00');
    expect(toMinorUnits('12.5', 'EUR')).toBe(1250n);
    expect(toMinorUnits('-0.05', 'EUR')).toBe(-5n);
    expect(toMinorUnits('12.3400', 'EUR')).toBe(1234n);
    expect(toMinorUnits('1.5', 'XAU')).toBe(15000n);
  });

  it('refuses to drop decimals silently, naming amount, currency and its decimals', () => {
    expect(() => toMinorUnits('12.345', 'EUR')).toThrow('Amount "12.345" has more decimals than EUR allows (2); pass a rounding mode to round it');
    try {
      toMinorUnits('100.5', 'JPY');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('validation_failed');
      expect((error as AppError).details).toEqual({ amount: '100.5', currency: 'JPY', decimals: 0 });
    }
  });

  it('rounds when a mode is given', () => {
    expect(toMinorUnits('12.345', 'EUR', 'half_even')).toBe(1234n);
    expect(toMinorUnits('12.345', 'EUR', 'half_up')).toBe(1235n);
    expect(toMinorUnits('-12.345', 'EUR', 'half_up')).toBe(-1235n);
    expect(toMinorUnits('12.355', 'EUR', 'half_even')).toBe(1236n);
    expect(toMinorUnits('12.349', 'EUR', 'down')).toBe(1234n);
    expect(toMinorUnits('100.5', 'JPY', 'half_even')).toBe(100n);
    expect(toMinorUnits('101.5', 'JPY', 'half_even')).toBe(102n);
    expect(toMinorUnits('1.23456', 'KWD', 'half_up')).toBe(1235n);
  });

  it('rejects unknown currencies and malformed amounts', () => {
    expect(() => toMinorUnits('1.00', 'EURO')).toThrow('Unknown currency code: "EURO"');
    expect(() => fromMinorUnits(1n, 'eur')).toThrow(/codes are upper-case/);
    expect(() => toMinorUnits('1.000,00', 'EUR')).toThrow('Not a decimal number: "1.000,00"');
  });
});

describe('formatMoney', () => {
  it('writes the canonical string at the currency scale', () => {
    expect(formatMoney('12.5', 'EUR')).toBe('12.50');
    expect(formatMoney('+7', 'EUR')).toBe('7.00');
    expect(formatMoney('-0.00', 'EUR')).toBe('0.00');
    expect(formatMoney('1000', 'JPY')).toBe('1000');
    expect(formatMoney('1000.000', 'JPY')).toBe('1000');
    expect(formatMoney('-1.25', 'KWD')).toBe('-1.250');
    expect(formatMoney('0.5', 'CLF')).toBe('0.5000');
    expect(formatMoney('2.345', 'EUR', 'half_up')).toBe('2.35');
    expect(() => formatMoney('2.345', 'EUR')).toThrow(AppError);
  });

  it('is idempotent and preserves the value when no digit is dropped', () => {
    fc.assert(
      fc.property(fc.constantFrom('EUR', 'JPY', 'KWD', 'CLF'), fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (currency, minor) => {
        const text = refFormat(minor, currencyMinorUnits(currency));
        expect(formatMoney(text, currency)).toBe(text);
        expect(formatMoney(formatMoney(text, currency), currency)).toBe(text);
      }),
    );
  });
});
