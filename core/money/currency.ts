/**
 * ISO 4217 currencies and their minor units (the number of decimals an amount
 * in that currency has). Codes without minor units in the standard (precious
 * metals, SDR, test codes) are not money here and are rejected. Withdrawn
 * codes (the euro's predecessors, HRK, SLL, ZWL, ANG) stay so old statements
 * and archived ledgers still import.
 */
import { AppError } from '../errors/app-error.ts';

const ZERO_DECIMALS = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const THREE_DECIMALS = 'BHD IQD JOD KWD LYD OMR TND';
const FOUR_DECIMALS = 'CLF UYW';
/** Withdrawn currencies with the minor units they had. */
const WITHDRAWN = { two: 'ATS CYP DEM EEK FIM FRF IEP LTL LVL MTL NLG SIT SKK', zero: 'BEF ESP GRD ITL LUF PTE' };
const TWO_DECIMALS = `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD
  CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD
  HKD HNL HRK HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP
  MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG
  SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST
  XCD XCG YER ZAR ZMW ZWG ZWL`;

function table(codes: string, minorUnits: number): [string, number][] {
  return codes
    .split(/\s+/)
    .filter(Boolean)
    .map((code) => [code, minorUnits]);
}

const MINOR_UNITS: ReadonlyMap<string, number> = new Map([
  ...table(TWO_DECIMALS, 2),
  ...table(ZERO_DECIMALS, 0),
  ...table(THREE_DECIMALS, 3),
  ...table(FOUR_DECIMALS, 4),
  ...table(WITHDRAWN.two, 2),
  ...table(WITHDRAWN.zero, 0),
]);

export const CURRENCY_CODES: readonly string[] = [...MINOR_UNITS.keys()].sort();

export function isCurrencyCode(code: string): boolean {
  return MINOR_UNITS.has(code);
}

export function currencyMinorUnits(code: string): number {
  const units = MINOR_UNITS.get(code);
  if (units === undefined) {
    throw new AppError('validation_failed', `Unknown currency code: ${JSON.stringify(code)} (expected an ISO 4217 code such as EUR, USD, JPY)`, {
      details: { currency: code },
    });
  }
  return units;
}
