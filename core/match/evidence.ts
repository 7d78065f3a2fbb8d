/** Field-by-field comparison of the two sides of a group, for reviewers and agents. */
import { formatDecimal } from '../money/decimal.ts';
import { currencyMinorUnits, isCurrencyCode } from '../money/currency.ts';
import { roundDecimal } from '../money/decimal.ts';
import type { MatchPass } from '../statuses.ts';
import type { Evidence, FieldDifference } from './match-types.ts';
import { AMOUNT_SCALE, type PreparedRecord } from './prepared-record.ts';

const sum = (records: readonly PreparedRecord[]) => records.reduce((s, r) => s + r.amount, 0n);

/** A scaled amount as a decimal string at its currency's scale (or full scale when it needs more). */
export function formatScaled(value: bigint, currency: string | null): string {
  const d = { coef: value, scale: AMOUNT_SCALE };
  if (!currency || !isCurrencyCode(currency)) return formatDecimal(d);
  const rounded = roundDecimal(d, currencyMinorUnits(currency), 'half_even');
  // Keep extra precision when the records carry it rather than hide a difference.
  return roundDecimal(rounded, AMOUNT_SCALE).coef === value ? formatDecimal(rounded) : formatDecimal(d);
}

export function sharedCurrency(records: readonly PreparedRecord[]): string | null {
  const first = records[0]?.currency;
  return first && records.every((r) => r.currency === first) ? first : null;
}

export function difference(external: readonly PreparedRecord[], internal: readonly PreparedRecord[]): { value: string | null; currency: string | null } {
  const currency = sharedCurrency([...external, ...internal]);
  return { value: currency ? formatScaled(sum(external) - sum(internal), currency) : null, currency };
}

function join(values: (string | undefined)[]): string | null {
  const present = values.filter((v): v is string => v !== undefined && v !== '');
  return present.length > 0 ? [...new Set(present)].join(', ') : null;
}

/** The one-to-one case, by far the most common, without the set and array work of groups. */
function pairEvidence(pass: MatchPass, e: PreparedRecord, i: PreparedRecord, score: number, note?: string): Evidence {
  const agreed: string[] = [];
  const differences: FieldDifference[] = [];
  const currency = e.currency === i.currency ? e.currency : null;
  if (currency && e.amount === i.amount) agreed.push('amount');
  else differences.push({ field: 'amount', external: formatScaled(e.amount, e.currency), internal: formatScaled(i.amount, i.currency), ...(currency ? { delta: formatScaled(e.amount - i.amount, currency) } : {}) });
  if (currency) agreed.push('currency');
  else differences.push({ field: 'currency', external: e.currency, internal: i.currency });
  if (e.day === i.day) agreed.push('date');
  else differences.push({ field: 'date', external: e.record.date, internal: i.record.date, delta: `${Math.abs(e.day - i.day)} days` });
  if (e.ref !== '' && e.ref === i.ref) agreed.push('reference');
  else if (e.ref !== '' || i.ref !== '') differences.push({ field: 'reference', external: e.record.reference || null, internal: i.record.reference || null });
  if (e.party !== '' && e.party === i.party) agreed.push('counterparty');
  else if (e.party !== '' || i.party !== '') differences.push({ field: 'counterparty', external: e.record.counterparty || null, internal: i.record.counterparty || null });
  return { pass, agreed, differences, score: Math.round(score * 1000) / 1000, ...(note ? { note } : {}) };
}

export function evidence(pass: MatchPass, external: readonly PreparedRecord[], internal: readonly PreparedRecord[], score: number, note?: string): Evidence {
  if (external.length === 1 && internal.length === 1) return pairEvidence(pass, external[0]!, internal[0]!, score, note);
  const agreed: string[] = [];
  const differences: FieldDifference[] = [];
  if (external.length > 0 && internal.length > 0) {
    const currency = sharedCurrency([...external, ...internal]);
    const e = sum(external);
    const i = sum(internal);
    if (e === i && currency) agreed.push('amount');
    else differences.push({ field: 'amount', external: formatScaled(e, sharedCurrency(external)), internal: formatScaled(i, sharedCurrency(internal)), ...(currency ? { delta: formatScaled(e - i, currency) } : {}) });
    if (currency) agreed.push('currency');
    else differences.push({ field: 'currency', external: join(external.map((r) => r.currency)), internal: join(internal.map((r) => r.currency)) });
    const spread = Math.max(...external.map((r) => r.day)) - Math.min(...internal.map((r) => r.day));
    const spreadBack = Math.max(...internal.map((r) => r.day)) - Math.min(...external.map((r) => r.day));
    if (spread === 0 && spreadBack === 0) agreed.push('date');
    else differences.push({ field: 'date', external: join(external.map((r) => r.record.date)), internal: join(internal.map((r) => r.record.date)), delta: `${Math.max(Math.abs(spread), Math.abs(spreadBack))} days` });
    for (const [field, norm] of [['reference', 'ref'], ['counterparty', 'party']] as const) {
      const x = new Set(external.map((r) => r[norm]).filter(Boolean));
      const y = new Set(internal.map((r) => r[norm]).filter(Boolean));
      if (x.size > 0 && [...x].some((v) => y.has(v))) agreed.push(field);
      else if (x.size > 0 || y.size > 0) differences.push({ field, external: join(external.map((r) => r.record[field])), internal: join(internal.map((r) => r.record[field])) });
    }
  }
  return { pass, agreed, differences, score: Math.round(score * 1000) / 1000, ...(note ? { note } : {}) };
}
