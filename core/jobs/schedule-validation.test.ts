import { describe, expect, it } from 'vitest';
import { cronProblem, isCronExpression, isValidTimeZone } from './schedule-validation.ts';

describe('schedule validation', () => {
  it('accepts five- and six-field cron expressions', () => {
    for (const e of ['0 6 * * 1-5', '*/15 * * * *', '* * * * * *', '0 2 1,15 * *', '30 1 * * MON-FRI']) expect(isCronExpression(e), e).toBe(true);
  });
  it('says what is wrong with one that is not', () => {
    expect(cronProblem('0 6 * *')).toMatch(/expected 5 fields/);
    expect(cronProblem('61 * * * *')).toMatch(/61 is outside 0–59/);
    expect(cronProblem('0 24 * * *')).toMatch(/outside 0–23/);
    expect(cronProblem('*/0 * * * *')).toMatch(/step of 0/);
    expect(cronProblem('0 6 * * $')).toMatch(/characters/);
  });
  it('knows IANA time zones', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
