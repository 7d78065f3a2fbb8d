/**
 * ISO 4217 currencies and their minor units (how many decimals an amount in
 * that currency has). The table is the ISO 4217 list of active codes, plus:
 *
 * - withdrawn codes (the euro's predecessors, HRK, ANG, SLL, ZWL, VEF, ...)
 *   with the minor units they had, so archived statements and ledgers still
 *   import;
 * - gold, silver, platinum, palladium and the SDR (XAU, XAG, XPT, XPD, XDR),
 *   which ISO lists with minor unit "N.A." Custodians and central banks do
 *   hold and report them, in fractions (troy ounces to 0.001, SDR to the
 *   cent), so they are accepted with a working scale of `NO_MINOR_UNIT_SCALE`
 *   decimals: enough for every precision met in practice, so no amount is
 *   refused or rounded, at the cost of trailing zeros when formatted.
 *
 * Test and placeholder codes (XTS, XXX) and bond-market units (XBA..XBD) are
 * not money and are rejected.
 */
import { AppError } from '../errors/app-error.ts';

const ZERO_DECIMALS = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const THREE_DECIMALS = 'BHD IQD JOD KWD LYD OMR TND';
const FOUR_DECIMALS = 'CLF UYW';
const TWO_DECIMALS = `AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD
  CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD
  HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP
  MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG
  SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST
  XCD XCG YER ZAR ZMW ZWG`;
/** Withdrawn codes with the minor units they had when withdrawn. */
const WITHDRAWN_TWO_DECIMALS = 'ANG ATS CUC CYP DEM EEK FIM FRF HRK IEP LTL LVL MRO MTL NLG SIT SKK SLL STD VEF ZWL';
const WITHDRAWN_ZERO_DECIMALS = 'BEF BYR ESP GRD ITL LUF PTE';

/** Codes ISO 4217 lists with minor unit "N.A." that are still money in custody and treasury. */
export const NO_MINOR_UNIT_CODES = ['XAG', 'XAU', 'XDR', 'XPD', 'XPT'] as const;
/** The working scale used for `NO_MINOR_UNIT_CODES` (see the file comment). */
export const NO_MINOR_UNIT_SCALE = 4;

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
  ...table(WITHDRAWN_TWO_DECIMALS, 2),
  ...table(WITHDRAWN_ZERO_DECIMALS, 0),
  ...NO_MINOR_UNIT_CODES.map((code): [string, number] => [code, NO_MINOR_UNIT_SCALE]),
]);

const NO_MINOR_UNIT_SET: ReadonlySet<string> = new Set(NO_MINOR_UNIT_CODES);

/** Every accepted code, sorted. */
export const CURRENCY_CODES: readonly string[] = [...MINOR_UNITS.keys()].sort();

/** True for an accepted ISO 4217 code, written in upper case as the standard does. */
export function isCurrencyCode(code: string): boolean {
  return typeof code === 'string' && MINOR_UNITS.has(code);
}

/** False for the codes whose scale is Recon's choice rather than the standard's. */
export function hasIsoMinorUnits(code: string): boolean {
  return isCurrencyCode(code) && !NO_MINOR_UNIT_SET.has(code);
}

/** Decimals of an amount in `code`: EUR 2, JPY 0, KWD 3, CLF 4. Throws for an unknown code. */
export function currencyMinorUnits(code: string): number {
  const units = typeof code === 'string' ? MINOR_UNITS.get(code) : undefined;
  if (units === undefined) {
    const upper = typeof code === 'string' ? code.toUpperCase() : '';
    const hint = upper !== code && MINOR_UNITS.has(upper) ? ` (codes are upper-case: "${upper}")` : ' (expected an ISO 4217 code such as EUR, USD, JPY)';
    const shown = typeof code === 'string' ? JSON.stringify(code) : String(code);
    throw new AppError('validation_failed', `Unknown currency code: ${shown}${hint}`, {
      details: { currency: typeof code === 'string' ? code : String(code) },
    });
  }
  return units;
}
