import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import {
  absDecimal,
  addDecimal,
  compareDecimal,
  divideDecimal,
  equalsDecimal,
  formatDecimal,
  isDecimalString,
  isZeroDecimal,
  MAX_DECIMAL_LENGTH,
  multiplyDecimal,
  negateDecimal,
  normalizeDecimal,
  parseDecimal,
  roundDecimal,
  signDecimal,
  subtractDecimal,
  type Decimal,
  type RoundingMode,
} from './decimal.ts';

/** Independent reference formatting, written out by hand so the properties do not check the code against itself. */
function refFormat(coef: bigint, scale: number): string {
  const sign = coef < 0n ? '-' : '';
  const digits = (coef < 0n ? -coef : coef).toString().padStart(scale + 1, '0');
  return scale === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

const decimalArb = fc.record({ coef: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), scale: fc.integer({ min: 0, max: 12 }) });
const scaled = (d: Decimal, scale: number) => d.coef * 10n ** BigInt(scale - d.scale);

describe('parseDecimal / formatDecimal', () => {
  it('round-trips any canonical decimal string', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.integer({ min: 0, max: 12 }), (coef, scale) => {
        const text = refFormat(coef, scale);
        expect(formatDecimal(parseDecimal(text))).toBe(text);
      }),
    );
  });

  it('parses to the value and keeps the written scale', () => {
    fc.assert(
      fc.property(decimalArb, ({ coef, scale }) => {
        const parsed = parseDecimal(refFormat(coef, scale));
        expect(parsed).toEqual({ coef, scale });
      }),
    );
    expect(parseDecimal('-1250.00')).toEqual({ coef: -125000n, scale: 2 });
    expect(parseDecimal('0.5')).toEqual({ coef: 5n, scale: 1 });
    expect(parseDecimal('+985')).toEqual({ coef: 985n, scale: 0 });
  });

  it('reads non-canonical spellings (sign, leading zeros) and writes them canonically', () => {
    fc.assert(
      fc.property(decimalArb, fc.constantFrom('', '+'), fc.nat(3), ({ coef, scale }, plus, zeros) => {
        const canonical = refFormat(coef, scale);
        const body = canonical.replace(/^-/, '');
        const spelled = `${coef < 0n ? '-' : plus}${'0'.repeat(zeros)}${body}`;
        expect(formatDecimal(parseDecimal(spelled))).toBe(canonical);
      }),
    );
  });

  it('formats the way people write amounts', () => {
    expect(formatDecimal(parseDecimal('-0.05'))).toBe('-0.05');
    expect(formatDecimal(parseDecimal('+7'))).toBe('7');
    expect(formatDecimal(parseDecimal('-0.00'))).toBe('0.00');
    expect(formatDecimal(parseDecimal('-0'))).toBe('0');
    expect(formatDecimal(parseDecimal('12.5'), 2)).toBe('12.50');
    expect(formatDecimal(parseDecimal('12.345'), 2)).toBe('12.345');
    expect(formatDecimal(parseDecimal('00012.50'))).toBe('12.50');
    expect(formatDecimal({ coef: 5n, scale: 4 })).toBe('0.0005');
  });

  it('rejects anything that is not a plain decimal, naming the value', () => {
    const bad = ['1,000.00', '12.', '.5', 'NaN', 'Infinity', ' 1', '1 ', '1e3', '', '-', '+', '--1', '+-1', '12.3.4', '١٢', '１２', '0x10', '1_000'];
    for (const value of bad) {
      expect(isDecimalString(value), value).toBe(false);
      let caught: unknown;
      try {
        parseDecimal(value);
      } catch (error) {
        caught = error;
      }
      expect(caught, value).toBeInstanceOf(AppError);
      expect((caught as AppError).code).toBe('validation_failed');
      expect((caught as AppError).message).toContain(JSON.stringify(value));
      expect((caught as AppError).details).toEqual({ value });
    }
  });

  it('refuses numbers and over-long text with a clear message', () => {
    expect(() => parseDecimal(12.5 as unknown as string)).toThrow(/12\.5 \(a number, not a string\)/);
    const long = '1'.repeat(MAX_DECIMAL_LENGTH + 1);
    expect(isDecimalString('1'.repeat(MAX_DECIMAL_LENGTH))).toBe(true);
    expect(isDecimalString(long)).toBe(false);
    expect(() => parseDecimal(long)).toThrow(`longer than ${MAX_DECIMAL_LENGTH} characters`);
  });

  it('refuses a malformed scale instead of printing garbage', () => {
    expect(() => formatDecimal({ coef: 1n, scale: -1 })).toThrow(RangeError);
    expect(() => roundDecimal({ coef: 1n, scale: 0 }, 1.5)).toThrow(RangeError);
  });
});

describe('arithmetic', () => {
  it('adds and subtracts exactly, at the larger scale', () => {
    fc.assert(
      fc.property(decimalArb, decimalArb, (a, b) => {
        const scale = Math.max(a.scale, b.scale);
        expect(addDecimal(a, b)).toEqual({ coef: scaled(a, scale) + scaled(b, scale), scale });
        expect(subtractDecimal(a, b)).toEqual({ coef: scaled(a, scale) - scaled(b, scale), scale });
      }),
    );
  });

  it('subtraction undoes addition and addition commutes', () => {
    fc.assert(
      fc.property(decimalArb, decimalArb, (a, b) => {
        expect(equalsDecimal(subtractDecimal(addDecimal(a, b), b), a)).toBe(true);
        expect(equalsDecimal(addDecimal(a, b), addDecimal(b, a))).toBe(true);
        expect(isZeroDecimal(addDecimal(a, negateDecimal(a)))).toBe(true);
      }),
    );
  });

  it('classic float traps are exact', () => {
    const sum = (...xs: string[]) => formatDecimal(xs.map(parseDecimal).reduce(addDecimal));
    expect(sum('0.1', '0.2')).toBe('0.3');
    expect(sum('1.005', '0.001')).toBe('1.006');
    expect(sum('9007199254740993.01', '0.01')).toBe('9007199254740993.02');
    expect(formatDecimal(multiplyDecimal(parseDecimal('1.1'), parseDecimal('1.1')))).toBe('1.21');
  });

  it('negate, abs and sign agree', () => {
    fc.assert(
      fc.property(decimalArb, (a) => {
        expect(signDecimal(negateDecimal(a))).toBe(-signDecimal(a) || 0);
        expect(signDecimal(absDecimal(a))).toBe(isZeroDecimal(a) ? 0 : 1);
        expect(equalsDecimal(absDecimal(a), absDecimal(negateDecimal(a)))).toBe(true);
      }),
    );
    expect(signDecimal(parseDecimal('-0.00'))).toBe(0);
    expect(isZeroDecimal(parseDecimal('0.000'))).toBe(true);
  });

  it('multiplies exactly: the scales add', () => {
    fc.assert(
      fc.property(decimalArb, decimalArb, (a, b) => {
        expect(multiplyDecimal(a, b)).toEqual({ coef: a.coef * b.coef, scale: a.scale + b.scale });
      }),
    );
    expect(formatDecimal(multiplyDecimal(parseDecimal('203.00'), parseDecimal('50')))).toBe('10150.00');
  });
});

describe('compare', () => {
  it('is a total order consistent with the sign of the difference', () => {
    fc.assert(
      fc.property(decimalArb, decimalArb, decimalArb, (a, b, c) => {
        expect(compareDecimal(a, b)).toBe(signDecimal(subtractDecimal(a, b)));
        expect(compareDecimal(b, a)).toBe(-compareDecimal(a, b) || 0);
        expect(compareDecimal(a, a)).toBe(0);
        if (compareDecimal(a, b) <= 0 && compareDecimal(b, c) <= 0) expect(compareDecimal(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('compares values, not spellings', () => {
    expect(equalsDecimal(parseDecimal('12.5'), parseDecimal('12.500'))).toBe(true);
    expect(equalsDecimal(parseDecimal('-0'), parseDecimal('0.00'))).toBe(true);
    expect(compareDecimal(parseDecimal('-0.01'), parseDecimal('0'))).toBe(-1);
    expect(compareDecimal(parseDecimal('10'), parseDecimal('9.999'))).toBe(1);
  });

  it('sorts like the reference order on a common scale', () => {
    fc.assert(
      fc.property(fc.array(decimalArb, { maxLength: 30 }), (xs) => {
        const sorted = [...xs].sort(compareDecimal).map((d) => scaled(d, 12));
        for (let i = 1; i < sorted.length; i++) expect(sorted[i - 1]! <= sorted[i]!).toBe(true);
      }),
    );
  });
});

describe('rounding', () => {
  const r = (v: string, scale: number, mode: RoundingMode) => formatDecimal(roundDecimal(parseDecimal(v), scale, mode));

  it('rounds ties half-even (to the even digit) and half-up (away from zero)', () => {
    const cases: [string, string, string][] = [
      // value, half_even, half_up (to 2 decimals)
      ['2.345', '2.34', '2.35'],
      ['2.355', '2.36', '2.36'],
      ['-2.345', '-2.34', '-2.35'],
      ['-2.355', '-2.36', '-2.36'],
      ['2.3451', '2.35', '2.35'],
      ['2.3449', '2.34', '2.34'],
      ['0.005', '0.00', '0.01'],
      ['-0.005', '0.00', '-0.01'],
      ['0.015', '0.02', '0.02'],
      ['2.3', '2.30', '2.30'],
    ];
    for (const [value, even, up] of cases) {
      expect(r(value, 2, 'half_even'), value).toBe(even);
      expect(r(value, 2, 'half_up'), value).toBe(up);
    }
    expect(r('2.5', 0, 'half_even')).toBe('2');
    expect(r('3.5', 0, 'half_even')).toBe('4');
    expect(r('2.5', 0, 'half_up')).toBe('3');
    expect(r('2.99', 0, 'down')).toBe('2');
    expect(r('-2.99', 0, 'down')).toBe('-2');
  });

  it('stays within half a unit, and the modes differ only on exact ties', () => {
    fc.assert(
      fc.property(decimalArb, fc.integer({ min: 0, max: 12 }), (a, scale) => {
        const wide = Math.max(a.scale, scale);
        const even = roundDecimal(a, scale, 'half_even');
        const up = roundDecimal(a, scale, 'half_up');
        const down = roundDecimal(a, scale, 'down');
        const error = (d: Decimal) => {
          const e = scaled(d, wide) - scaled(a, wide);
          return 2n * (e < 0n ? -e : e);
        };
        const unit = 10n ** BigInt(wide - scale);
        expect(error(even) <= unit).toBe(true);
        expect(error(up) <= unit).toBe(true);
        expect(error(down) < 2n * unit).toBe(true);
        expect(absDecimal(down).coef * 10n ** BigInt(wide - scale) <= absDecimal(a).coef * 10n ** BigInt(wide - a.scale)).toBe(true);
        const tie = error(down) === unit;
        if (!tie) expect(even).toEqual(up);
        expect(roundDecimal(even, scale, 'half_up')).toEqual(even);
      }),
    );
  });

  it('ignores rounding when the target scale is not smaller', () => {
    expect(roundDecimal(parseDecimal('1.5'), 3)).toEqual({ coef: 1500n, scale: 3 });
  });
});

describe('divideDecimal', () => {
  it('divides to the requested scale', () => {
    const d = (a: string, b: string, scale: number, mode?: RoundingMode) => formatDecimal(divideDecimal(parseDecimal(a), parseDecimal(b), scale, mode));
    expect(d('1000', '3', 4)).toBe('333.3333');
    expect(d('2000', '3', 2)).toBe('666.67');
    expect(d('-985.00', '1.0870', 2)).toBe('-906.16');
    expect(d('1', '8', 2, 'half_even')).toBe('0.12');
    expect(d('1', '8', 2, 'half_up')).toBe('0.13');
    expect(d('-1', '-8', 2, 'half_up')).toBe('0.13');
    expect(d('10', '0.25', 0)).toBe('40');
  });

  it('is within half a unit of the exact quotient', () => {
    fc.assert(
      fc.property(decimalArb, decimalArb.filter((b) => b.coef !== 0n), fc.integer({ min: 0, max: 8 }), (a, b, scale) => {
        const q = divideDecimal(a, b, scale);
        // |q·b − a| ≤ ½·10^-scale·|b|, compared on a common scale as integers.
        const wide = q.scale + b.scale + a.scale;
        const diff = scaled(multiplyDecimal(q, b), wide) - scaled(a, wide);
        const bound = absDecimal(b).coef * 10n ** BigInt(wide - scale - b.scale);
        expect(2n * (diff < 0n ? -diff : diff) <= bound).toBe(true);
      }),
    );
  });

  it('refuses division by zero with an AppError', () => {
    expect(() => divideDecimal(parseDecimal('12.50'), parseDecimal('0.00'), 2)).toThrow(/Cannot divide 12\.50 by zero/);
    expect(() => divideDecimal(parseDecimal('1'), parseDecimal('0'), 2)).toThrow(AppError);
  });
});

describe('normalizeDecimal', () => {
  it('drops trailing zeros without changing the value', () => {
    expect(formatDecimal(normalizeDecimal(parseDecimal('12.500')))).toBe('12.5');
    expect(formatDecimal(normalizeDecimal(parseDecimal('3.00')))).toBe('3');
    expect(formatDecimal(normalizeDecimal(parseDecimal('-0.000')))).toBe('0');
    expect(formatDecimal(normalizeDecimal(parseDecimal('100')))).toBe('100');
    fc.assert(
      fc.property(decimalArb, (a) => {
        const n = normalizeDecimal(a);
        expect(equalsDecimal(n, a)).toBe(true);
        expect(n.scale === 0 || n.coef % 10n !== 0n).toBe(true);
      }),
    );
  });
});
