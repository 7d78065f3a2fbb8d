/**
 * Securities pairs (trades, positions, income on both sides): the matching
 * stage lists each field that differs beyond its tolerance. One field decides
 * the type, most specific first: a corporate action explains a quantity and
 * price change together, income differences are about the income amount, an
 * identifier difference makes every other comparison doubtful, an FX-rate
 * difference explains the amount. Each further unexplained difference lowers
 * the confidence.
 */
import { toScaled } from '../match/prepared-record.ts';
import type { CanonicalRecord } from '../records/canonical-record.ts';
import { deviationPpm, ratioPpm } from './amount-arithmetic.ts';
import type { BreakFacts } from './break-facts.ts';
import { hasFamily } from './narrative-keywords.ts';
import { compareReferences } from './reference-compare.ts';
import { classifyCashPair } from './pair-rules.ts';
import { keywordEvidence, verdict, type TypeVerdict } from './verdict.ts';

export type TradeField = 'quantity' | 'price' | 'settleDate' | 'fxRate' | 'securityId' | 'amount' | 'tradeDate';

/** The fields the matching stage found different. */
export function differingFields(facts: BreakFacts): Set<string> {
  return new Set(facts.ctx.evidence.differences.map((d) => d.field));
}

const scaled = (v: string | undefined): bigint | undefined => (v === undefined ? undefined : toScaled(v));

/** The one external and one internal record of a pair, when the break is one. */
export function pairRecords(facts: BreakFacts): { e: CanonicalRecord; i: CanonicalRecord } | undefined {
  return facts.ext.length === 1 && facts.int.length === 1 ? { e: facts.ext[0]!.record, i: facts.int[0]!.record } : undefined;
}

/** Split and consolidation ratios: n-for-d with n, d up to 10 (2:1, 3:2, 1:10, ...), as parts per million. */
const SPLIT_RATIOS_PPM: readonly number[] = (() => {
  const out = new Set<number>();
  for (let n = 1; n <= 10; n++) for (let d = 1; d <= 10; d++) if (n !== d) out.add(Math.round((n * 1_000_000) / d));
  return [...out];
})();

/**
 * A split or consolidation: the quantity changed by a split ratio, the price
 * moved the other way, and the value of the holding (quantity × price)
 * stayed within 1 %. A keyed quantity error changes the quantity alone.
 */
export function isSplitPattern(e: CanonicalRecord, i: CanonicalRecord): boolean {
  const qe = scaled(e.quantity);
  const qi = scaled(i.quantity);
  const pe = scaled(e.price);
  const pi = scaled(i.price);
  if (qe === undefined || qi === undefined || pe === undefined || pi === undefined || qi === 0n || qe === qi || pe === pi) return false;
  const ratio = ratioPpm(qe, qi);
  if (ratio === undefined || !SPLIT_RATIOS_PPM.some((r) => Math.abs(ratio - r) <= r / 1000)) return false;
  const value = deviationPpm(qe * pe, qi * pi);
  return value !== undefined && value <= 10_000;
}

/** External quantity over internal quantity, in parts per million (2:1 split → 2,000,000). */
export function quantityRatioPpm(e: CanonicalRecord, i: CanonicalRecord): number | undefined {
  const qe = scaled(e.quantity);
  const qi = scaled(i.quantity);
  return qe === undefined || qi === undefined ? undefined : ratioPpm(qe, qi);
}

function isIncome(facts: BreakFacts): boolean {
  return [...facts.ext, ...facts.int].some((r) => r.record.kind === 'income') || hasFamily(facts.flags, 'income') || hasFamily(facts.flags, 'withholding');
}

/** Each difference beyond the ones the type explains costs confidence. */
function lessSure(base: number, fields: Set<string>, explained: readonly string[], referencesDiffer: boolean): number {
  let extra = 0;
  for (const f of fields) if (!explained.includes(f)) extra += 1;
  // Different trade references on top of differing fields suggest two different trades paired by security and day.
  return base - 0.12 * extra - (referencesDiffer ? 0.2 : 0);
}

export function classifySecuritiesPair(facts: BreakFacts): TypeVerdict {
  const fields = differingFields(facts);
  const pair = pairRecords(facts);
  const words = keywordEvidence(facts.flags);
  const listed = [`differing fields: ${[...fields].join(', ') || 'none'}`, ...words];
  const refs = pair !== undefined && compareReferences(pair.e.reference, pair.i.reference) === 'unrelated';
  const sure = (base: number, explained: readonly string[]) => lessSure(base, fields, explained, refs);
  const caWords = hasFamily(facts.flags, 'split') || hasFamily(facts.flags, 'corporateAction');
  if (fields.has('quantity') && pair && (isSplitPattern(pair.e, pair.i) || caWords)) {
    const position = pair.e.kind === 'position' || pair.i.kind === 'position';
    const base = isSplitPattern(pair.e, pair.i) ? (caWords || position ? 0.96 : 0.85) : 0.75;
    return verdict('corporate_action', sure(base, ['quantity', 'price', 'amount']), 'securities.corporate_action', 'The quantity changed while the value of the holding did not: a corporate action booked on one side only.', listed);
  }
  if (isIncome(facts) && fields.has('amount')) {
    return verdict('income_difference', sure(0.95, ['amount']), 'securities.income', 'The income amounts (dividend, coupon or accrued interest) differ.', listed);
  }
  if (fields.has('securityId')) {
    return verdict('security_id_mismatch', sure(0.96, ['securityId', 'tradeDate']), 'securities.security_id', 'The two sides identify the security differently, and the identifiers do not map to each other.', listed);
  }
  if (fields.has('fxRate')) {
    return verdict('fx_difference', sure(0.96, ['fxRate', 'amount']), 'securities.fx_rate', 'The FX rates differ beyond tolerance, and with them the settlement amounts.', listed);
  }
  if (fields.has('quantity')) {
    return verdict('quantity_mismatch', sure(0.95, ['quantity', 'amount']), 'securities.quantity', 'The quantities differ on an otherwise matching trade.', listed);
  }
  if (fields.has('price')) {
    return verdict('price_difference', sure(0.95, ['price', 'amount']), 'securities.price', 'The prices differ beyond the price tolerance.', listed);
  }
  if (fields.has('settleDate')) {
    return verdict('settlement_date_mismatch', sure(0.96, ['settleDate']), 'securities.settle_date', 'The settlement dates differ.', listed);
  }
  if (fields.has('amount')) return classifyCashPair(facts);
  if (fields.has('tradeDate')) return verdict('timing_difference', 0.75, 'securities.trade_date', 'Same trade economics, booked on different trade dates.', listed);
  return classifyCashPair(facts);
}
