/**
 * Root causes of the securities break types, from the differing fields of
 * the pair. Confidences are conditional on the type being right.
 */
import { toEpochDay } from '../dates/iso-date.ts';
import { toScaled } from '../match/prepared-record.ts';
import { deviationPpm, isDayCountRatio, withholdingRates } from './amount-arithmetic.ts';
import type { BreakFacts } from './break-facts.ts';
import { hasFamily } from './narrative-keywords.ts';
import { differingFields, isSplitPattern, pairRecords } from './securities-rules.ts';
import { causeVerdict, type CauseVerdict } from './verdict.ts';

const unknown = (why: string): CauseVerdict => causeVerdict('unknown', 0.3, 'cause.unknown', why);
const weekday = (date: string) => (((toEpochDay(date) + 4) % 7) + 7) % 7; // 0 = Sunday (1970-01-01 was a Thursday)
const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;

export function quantityCause(facts: BreakFacts): CauseVerdict {
  const pair = pairRecords(facts);
  if (!pair || pair.e.quantity === undefined || pair.i.quantity === undefined) return unknown('No pair of quantities to compare.');
  // A wrongly keyed quantity leaves the cash amount as executed; a partial fill moves both together.
  if (!differingFields(facts).has('amount')) return causeVerdict('booking_error', 0.9, 'cause.quantity.booking_error', 'The quantity differs while the settlement amount agrees: the quantity was keyed wrongly.');
  const qe = toScaled(pair.e.quantity);
  const qi = toScaled(pair.i.quantity);
  const smaller = (qe < 0n ? -qe : qe) < (qi < 0n ? -qi : qi);
  const proportional = (deviationPpm(facts.sumExt * qi, facts.sumInt * qe) ?? Infinity) <= 10_000;
  if (smaller && proportional) return causeVerdict('partial_fill', 0.82, 'cause.quantity.partial_fill', 'Fewer units settled than were booked, and the amount is smaller in proportion: only part of the order was filled.');
  return causeVerdict('booking_error', 0.6, 'cause.quantity.booking_error_amount', 'The quantity differs and the amounts do not explain it.');
}

export function priceCause(facts: BreakFacts): CauseVerdict {
  const pair = pairRecords(facts);
  if (!pair || pair.e.price === undefined || pair.i.price === undefined) return unknown('No pair of prices to compare.');
  const deviation = deviationPpm(toScaled(pair.i.price), toScaled(pair.e.price)) ?? 0;
  // Sources disagree by fractions of a percent; a price several percent off is an old one.
  if (deviation >= 30_000) return causeVerdict('stale_price', 0.8, 'cause.price.stale', `The booked price is ${(deviation / 10_000).toFixed(1)} % away from the executed price: an out-of-date price.`);
  return causeVerdict('price_source_difference', 0.7, 'cause.price.source', 'The prices differ slightly: different price sources.');
}

export function settlementCause(facts: BreakFacts): CauseVerdict {
  const pair = pairRecords(facts);
  if (!pair?.e.settleDate || !pair.i.settleDate) return unknown('No pair of settlement dates to compare.');
  if (hasFamily(facts.flags, 'holiday')) return causeVerdict('market_holiday', 0.85, 'cause.settlement.holiday_words', 'The text names a market holiday.');
  if (isWeekend(pair.i.settleDate)) return causeVerdict('settlement_cycle_error', 0.85, 'cause.settlement.weekend', 'The booked settlement date falls on a weekend: the cycle was counted in calendar days.');
  const later = toEpochDay(pair.e.settleDate) - toEpochDay(pair.i.settleDate);
  // The market settling a day later than a correctly counted weekday cycle is what a holiday does.
  if (later === 1 && !isWeekend(pair.e.settleDate)) return causeVerdict('market_holiday', 0.5, 'cause.settlement.one_day_later', 'The custodian settled one business day later than booked.');
  return causeVerdict('settlement_cycle_error', 0.85, 'cause.settlement.cycle', 'The booked settlement date follows another settlement cycle.');
}

export function incomeCause(facts: BreakFacts): CauseVerdict {
  const words = hasFamily(facts.flags, 'withholding');
  const rates = withholdingRates(facts.sumExt, facts.sumInt);
  if (words || rates) {
    const why = rates ? `Net income at ${rates.received} % withholding received against ${rates.booked} % booked.` : 'The text names withholding tax.';
    return causeVerdict('withholding_tax_rate', words && rates ? 0.93 : 0.82, 'cause.income.withholding', why);
  }
  if (isDayCountRatio(facts.sumExt, facts.sumInt)) return causeVerdict('day_count_convention', 0.8, 'cause.income.day_count', 'The amounts differ by the ratio of two year lengths (360/365): another day count convention.');
  if (hasFamily(facts.flags, 'accrued')) return causeVerdict('accrual_period', 0.6, 'cause.income.accrual', 'Accrued interest computed over a different period.');
  return unknown('The income amounts differ for no reason the records show.');
}

export function corporateActionCause(facts: BreakFacts): CauseVerdict {
  const pair = pairRecords(facts);
  if (hasFamily(facts.flags, 'split')) return causeVerdict('split_unbooked', 0.9, 'cause.corporate_action.split_words', 'The text names a stock split not booked in the books.');
  if (pair && isSplitPattern(pair.e, pair.i) && !hasFamily(facts.flags, 'corporateAction')) {
    return causeVerdict('split_unbooked', 0.8, 'cause.corporate_action.split_ratio', 'The quantity changed by a ratio at an unchanged holding value: a split.');
  }
  return causeVerdict('corporate_action_unbooked', 0.7, 'cause.corporate_action.other', 'A corporate action booked on one side only.');
}

export function securityIdCause(facts: BreakFacts): CauseVerdict {
  return pairRecords(facts) ? causeVerdict('security_master_error', 0.92, 'cause.security_id.master', 'The books hold another identifier for the security.') : unknown('No pair of identifiers to compare.');
}
