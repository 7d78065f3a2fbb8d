import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { CURRENCY_CODES, currencyMinorUnits, hasIsoMinorUnits, isCurrencyCode, NO_MINOR_UNIT_CODES, NO_MINOR_UNIT_SCALE } from './currency.ts';

describe('ISO 4217 minor units', () => {
  it('knows the exponents that differ from two', () => {
    for (const code of ['JPY', 'KRW', 'CLP', 'ISK', 'VND', 'PYG', 'UGX', 'XAF', 'XOF', 'XPF']) expect(currencyMinorUnits(code), code).toBe(0);
    for (const code of ['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']) expect(currencyMinorUnits(code), code).toBe(3);
    for (const code of ['CLF', 'UYW']) expect(currencyMinorUnits(code), code).toBe(4);
    for (const code of ['EUR', 'USD', 'GBP', 'CHF', 'CNY', 'INR', 'MGA', 'MRU', 'XCG', 'ZWG', 'VES']) expect(currencyMinorUnits(code), code).toBe(2);
  });

  it('keeps withdrawn codes so archived statements still import', () => {
    expect(currencyMinorUnits('DEM')).toBe(2);
    expect(currencyMinorUnits('ITL')).toBe(0);
    expect(currencyMinorUnits('HRK')).toBe(2);
    expect(currencyMinorUnits('ANG')).toBe(2);
  });

  it('accepts metals and the SDR at a documented working scale', () => {
    for (const code of NO_MINOR_UNIT_CODES) {
      expect(isCurrencyCode(code), code).toBe(true);
      expect(hasIsoMinorUnits(code), code).toBe(false);
      expect(currencyMinorUnits(code), code).toBe(NO_MINOR_UNIT_SCALE);
    }
    expect(hasIsoMinorUnits('EUR')).toBe(true);
    expect(hasIsoMinorUnits('NOPE')).toBe(false);
  });

  it('rejects test codes, bond units, lower case and junk', () => {
    for (const code of ['XTS', 'XXX', 'XBA', 'eur', 'Eur', 'EURO', 'EU', '', ' EUR', '978']) expect(isCurrencyCode(code), code).toBe(false);
  });

  it('lists codes sorted, unique, three upper-case letters each', () => {
    expect(CURRENCY_CODES.length).toBeGreaterThan(170);
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length);
    expect([...CURRENCY_CODES].sort()).toEqual(CURRENCY_CODES);
    for (const code of CURRENCY_CODES) expect(code).toMatch(/^[A-Z]{3}$/);
  });
});

describe('currencyMinorUnits errors', () => {
  it('names the unknown code', () => {
    expect(() => currencyMinorUnits('EURO')).toThrow('Unknown currency code: "EURO" (expected an ISO 4217 code such as EUR, USD, JPY)');
    try {
      currencyMinorUnits('ABC');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('validation_failed');
      expect((error as AppError).details).toEqual({ currency: 'ABC' });
    }
  });

  it('points lower-case codes to their spelling', () => {
    expect(() => currencyMinorUnits('eur')).toThrow('Unknown currency code: "eur" (codes are upper-case: "EUR")');
  });
});
