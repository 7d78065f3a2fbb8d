import { describe, expect, it } from 'vitest';
import { toScaled } from '../match/prepared-record.ts';
import { decimalShift, deviationPpm, exactPercent, isDayCountRatio, isFeeLike, isSignFlip, isWithinRounding, ratioPpm, simpleFraction, transposition, withholdingRates } from './amount-arithmetic.ts';

const s = toScaled;

describe('amount arithmetic', () => {
  it('finds sign flips', () => {
    expect(isSignFlip(s('-426.60'), s('426.60'))).toBe(true);
    expect(isSignFlip(s('426.60'), s('426.60'))).toBe(false);
    expect(isSignFlip(0n, 0n)).toBe(false);
  });

  it('measures rounding in minor units of the currency', () => {
    expect(isWithinRounding(s('0.02'), 2, 2)).toBe(true);
    expect(isWithinRounding(s('-0.03'), 2, 2)).toBe(false);
    expect(isWithinRounding(s('2'), 0, 2)).toBe(true);
    expect(isWithinRounding(s('0.002'), 3, 2)).toBe(true);
    expect(isWithinRounding(0n, 2, 2)).toBe(false);
  });

  it('tells a digit swap from a permutation and from a mere multiple of 9', () => {
    expect(transposition(s('-3136.00'), s('-3316.00'), 2)).toBe('swap');
    expect(transposition(s('1234.50'), s('1243.50'), 2)).toBe('swap');
    expect(transposition(s('123.45'), s('312.45'), 2)).toBe('permutation');
    // 1000.00 − 991.00 = 9.00 is divisible by 9 but no digits were swapped.
    expect(transposition(s('1000.00'), s('991.00'), 2)).toBeUndefined();
    expect(transposition(s('-3136.00'), s('3316.00'), 2)).toBeUndefined();
  });

  it('finds a decimal point moved by one to three places, with lost digits', () => {
    expect(decimalShift(s('1234.50'), s('123.45'), 2)).toBe(1);
    expect(decimalShift(s('12.34'), s('1234.00'), 2)).toBe(2);
    expect(decimalShift(s('1234.56'), s('123.45'), 2)).toBe(1);
    expect(decimalShift(s('1500.00'), s('1000.00'), 2)).toBeUndefined();
    expect(decimalShift(s('-100.00'), s('10.00'), 2)).toBeUndefined();
  });

  it('recognises fee-schedule amounts taken from what arrives', () => {
    expect(isFeeLike(s('-15.00'), s('1000.00'), 2)).toBe(true);
    expect(isFeeLike(s('-12.50'), s('-800.00'), 2)).toBe(true);
    expect(isFeeLike(s('15.00'), s('1000.00'), 2)).toBe(false);
    expect(isFeeLike(s('-15.37'), s('1000.00'), 2)).toBe(false);
    expect(isFeeLike(s('-25.00'), s('300.00'), 2)).toBe(false);
    expect(isFeeLike(s('-500'), s('100000'), 0)).toBe(true);
  });

  it('finds exact percentages and simple fractions', () => {
    expect(exactPercent(s('-20.00'), s('1000.00'), 2, [20, 30])).toBe(2);
    expect(exactPercent(s('-24.69'), s('1234.56'), 2, [20])).toBe(2);
    expect(exactPercent(s('-12.00'), s('1000.00'), 2, [20, 30])).toBeUndefined();
    expect(simpleFraction(s('1521.00'), s('3043.29'), 2)).toBe('1/2');
    expect(simpleFraction(s('1000.00'), s('3000.00'), 2)).toBe('1/3');
    expect(simpleFraction(s('900.00'), s('1000.00'), 2)).toBeUndefined();
  });

  it('recognises withholding at two rates and day-count ratios', () => {
    // Gross 1000: 700 net at 30 % against 850 booked at 15 %.
    expect(withholdingRates(s('700.00'), s('850.00'))).toEqual({ received: 30, booked: 15 });
    expect(withholdingRates(s('700.00'), s('812.00'))).toBeUndefined();
    expect(isDayCountRatio(s('98.63'), s('100.00'))).toBe(true);
    expect(isDayCountRatio(s('99.00'), s('100.00'))).toBe(false);
  });

  it('keeps ratios as integers', () => {
    expect(ratioPpm(s('1'), s('3'))).toBe(333_333);
    expect(ratioPpm(s('1'), 0n)).toBeUndefined();
    expect(deviationPpm(s('985.00'), s('1000.00'))).toBe(15_000);
  });
});
