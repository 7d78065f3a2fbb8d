/**
 * The fields `correct_entry` may change, as the verification compares them:
 * decimals by value, dates as written, identifiers through every identifier
 * the counterpart is known by, references after normalizing.
 */
import type { BreakContext } from '../breaks/break-context.ts';
import { isValidIsoDate } from '../dates/iso-date.ts';
import { isDecimalString, parseDecimal } from '../money/decimal.ts';
import type { CanonicalRecord } from '../records/canonical-record.ts';
import { normalizeReference } from '../records/normalize-reference.ts';
import type { CorrectableField } from '../taxonomy/actions.ts';
import { scaledOrUndefined } from './verify-amounts.ts';

const abs = (v: bigint) => (v < 0n ? -v : v);

/** Why a value is not acceptable for the field, or undefined when it is. */
export function fieldFormatProblem(field: CorrectableField, value: string): string | undefined {
  switch (field) {
    case 'amount':
    case 'quantity':
    case 'price':
    case 'fxRate':
      return isDecimalString(value) ? undefined : `${JSON.stringify(value)} is not a decimal number`;
    case 'settleDate':
      return isValidIsoDate(value) ? undefined : `${JSON.stringify(value)} is not a date (YYYY-MM-DD)`;
    case 'securityId':
    case 'reference':
      return value.trim() === '' ? 'the new value is empty' : undefined;
  }
}

/** Whether two values of the field are the same value. */
export function sameValue(field: CorrectableField, a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (field === 'amount' || field === 'quantity' || field === 'price' || field === 'fxRate') {
    const x = scaledOrUndefined(a);
    const y = scaledOrUndefined(b);
    return x !== undefined && x === y;
  }
  if (field === 'securityId') return a.trim().toUpperCase() === b.trim().toUpperCase();
  if (field === 'reference') return normalizeReference(a) === normalizeReference(b);
  return a === b;
}

/** Within `percent` of the reference value (the matching stage's tolerance). */
function withinPercent(value: string, reference: string, percent: string): boolean {
  const v = scaledOrUndefined(value);
  const r = scaledOrUndefined(reference);
  if (v === undefined || r === undefined) return false;
  const p = parseDecimal(percent);
  return abs(v - r) * 100n * 10n ** BigInt(p.scale) <= abs(r) * p.coef;
}

/** After the correction, does the internal value agree with the counterpart as the matching stage would judge it? */
export function agreesWithCounterpart(ctx: BreakContext, field: CorrectableField, corrected: string, counterpart: CanonicalRecord): boolean {
  const theirs = counterpart[field];
  if (field === 'securityId') {
    const known = [counterpart.securityId, ...Object.values(counterpart.securityIds ?? {})].filter((v): v is string => v !== undefined);
    return known.some((id) => sameValue('securityId', id, corrected));
  }
  if (theirs === undefined) return false;
  if (field === 'price') return withinPercent(corrected, theirs, ctx.config.securities.pricePercent);
  if (field === 'fxRate') return withinPercent(corrected, theirs, ctx.config.securities.fxRatePercent);
  return sameValue(field, corrected, theirs);
}
