/**
 * Cash pairs: one statement item against one book entry (or a pair whose
 * securities fields agree but whose amounts do not). The amounts decide,
 * strongest arithmetic first: equal amounts (timing or reference), a sign
 * flip, rounding, digit keying errors, fee schedules, discounts, then the
 * size of the deviation (a conversion rate within 3 %, a material
 * difference beyond).
 */
import { formatAmount, type BreakFacts } from './break-facts.ts';
import { decimalShift, deviationPpm, exactPercent, isFeeLike, isSignFlip, isWithinRounding, transposition } from './amount-arithmetic.ts';
import { hasFamily } from './narrative-keywords.ts';
import { keywordEvidence, verdict, type TypeVerdict } from './verdict.ts';

/** Deviations up to this share of the booked amount look like a conversion rate; beyond, like a different amount. */
export const FX_BAND_PPM = 30_000;
/** Card processors net a few percent at most. */
export const PROCESSOR_FEE_PPM = 50_000;
/** Discount terms in tenths of a percent ("2/10 net 30" → 2 %). */
export const DISCOUNT_TENTHS = [10, 15, 20, 25, 30, 40, 50] as const;

export function amountsEvidence(facts: BreakFacts): string {
  const cur = facts.currency ?? '';
  return `statement ${formatAmount(facts.sumExt, facts.currency)} vs books ${formatAmount(facts.sumInt, facts.currency)} ${cur}, difference ${formatAmount(facts.difference, facts.currency)}`.trim();
}

function referencesDiffer(facts: BreakFacts): boolean {
  return facts.ctx.evidence.differences.some((d) => d.field === 'reference' || d.field === 'counterparty');
}

export function classifyCashPair(facts: BreakFacts): TypeVerdict {
  const e = facts.sumExt;
  const i = facts.sumInt;
  const flags = facts.flags;
  const words = keywordEvidence(flags);
  if (facts.currency === null) {
    const currencies = [...new Set([...facts.ext, ...facts.int].map((r) => r.record.currency))].join(' vs ');
    return verdict('fx_difference', 0.85, 'pair.currencies_differ', `The two sides are in different currencies (${currencies}).`, [currencies]);
  }
  const evidence = [amountsEvidence(facts), ...words];
  const diff = facts.difference;
  if (diff === 0n) {
    const window = facts.ctx.config.dateWindowDays;
    if (facts.dateGap > window) {
      return verdict('timing_difference', 0.96, 'pair.dates_apart', `Same amount on both sides, booked ${facts.dateGap} days apart (window ${window} days).`, [`booking dates ${facts.dateGap} days apart`, ...evidence]);
    }
    return referencesDiffer(facts)
      ? verdict('reference_mismatch', 0.95, 'pair.reference_differs', 'Amounts and dates agree; the references or counterparties differ.', evidence)
      : verdict('reference_mismatch', 0.6, 'pair.amount_only', 'Amounts and dates agree and nothing else links the two records.', evidence);
  }
  if (isSignFlip(e, i)) {
    // A return line paired against its original looks like a sign flip too.
    const returned = hasFamily(flags, 'returned') || hasFamily(flags, 'chargeback');
    return verdict('sign_error', returned ? 0.7 : 0.97, 'pair.sign_flip', 'Equal magnitude, opposite direction: one side was booked with the wrong sign.', evidence);
  }
  const units = facts.units;
  if (isWithinRounding(diff, units, facts.ctx.config.roundingMinorUnits)) {
    return verdict('rounding_difference', 0.98, 'pair.rounding', `The difference is within the rounding tolerance of ${facts.ctx.config.roundingMinorUnits} minor units.`, evidence);
  }
  const swapped = transposition(e, i, units);
  if (swapped === 'swap') return verdict('amount_mismatch', 0.96, 'pair.transposition', 'The amounts have the same digits with two of them swapped (a keying error; the difference is divisible by 9).', evidence);
  const shift = decimalShift(e, i, units);
  if (shift !== undefined) return verdict('amount_mismatch', 0.93, 'pair.decimal_shift', `One amount is the other with the decimal point moved ${shift} place(s).`, evidence);
  if (e < 0n !== i < 0n) return verdict('amount_mismatch', 0.55, 'pair.opposite_direction', 'The two sides move in opposite directions by different amounts.', evidence);
  const deviation = deviationPpm(e, i) ?? Infinity;
  if (diff < 0n && hasFamily(flags, 'cardSettlement') && deviation <= PROCESSOR_FEE_PPM) {
    return verdict('fee_deduction', 0.85, 'pair.processor_fee', 'A card or payment processor settled a few percent less than booked: its fee was netted.', evidence);
  }
  const receiptShort = i > 0n && diff < 0n;
  const discountWords = hasFamily(flags, 'discount');
  if (receiptShort && discountWords && exactPercent(diff, i, units, DISCOUNT_TENTHS) !== undefined) {
    return verdict('amount_mismatch', 0.88, 'pair.discount_terms', 'The customer paid less by an exact discount percentage, and the text mentions a discount.', evidence);
  }
  // After discount terms: 2 % of 1,000.00 is also a round amount, and the word decides.
  if (isFeeLike(diff, i, units)) return verdict('fee_deduction', 0.92, 'pair.fee_schedule', 'Less arrived than was booked by a round fee amount: a fee was taken in flight.', evidence);
  if (swapped === 'permutation') return verdict('amount_mismatch', 0.6, 'pair.digit_permutation', 'The amounts have the same digits in another order (a keying error is likely).', evidence);
  if (deviation <= FX_BAND_PPM) {
    if (receiptShort && discountWords) return verdict('amount_mismatch', 0.75, 'pair.discount_words', 'The customer paid a few percent less and the text mentions a discount.', evidence);
    if (receiptShort && exactPercent(diff, i, units, [20, 30]) !== undefined) {
      return verdict('amount_mismatch', 0.55, 'pair.discount_percent', 'The customer paid exactly 2 % or 3 % less: usual early payment discount terms.', evidence);
    }
    const fxWords = hasFamily(flags, 'fx') || hasFamily(flags, 'spread');
    return verdict('fx_difference', fxWords ? 0.9 : 0.85, 'pair.fx_band', `The amounts differ by ${(deviation / 10_000).toFixed(2)} %, as a conversion at a different rate would.`, evidence);
  }
  return verdict('amount_mismatch', 0.92, 'pair.material', `The amounts differ materially (${(deviation / 10_000).toFixed(1)} %), beyond fees, rounding or conversion.`, evidence);
}
