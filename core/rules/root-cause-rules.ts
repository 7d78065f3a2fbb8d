/**
 * The root-cause agent's rules path: for the type the classification gave
 * (the rules' own or the LLM's), choose among that type's causes.
 */
import type { Classification, RootCauseFinding } from '../breaks/agent-outputs.ts';
import type { BreakContext } from '../breaks/break-context.ts';
import type { BreakType } from '../taxonomy/break-types.ts';
import { breakFacts, type BreakFacts } from './break-facts.ts';
import {
  aggregateCause,
  amountMismatchCause,
  duplicateCause,
  feeCause,
  feeDeductionCause,
  fxCause,
  interestCause,
  missingExternalCause,
  missingInternalCause,
  referenceCause,
  reversalCause,
  timingCause,
} from './cash-causes.ts';
import { boundedEvidence } from './classify-rules.ts';
import { corporateActionCause, incomeCause, priceCause, quantityCause, securityIdCause, settlementCause } from './securities-causes.ts';
import { causeVerdict, clampConfidence, type CauseVerdict } from './verdict.ts';

const CAUSE_RULES: Readonly<Record<BreakType, (facts: BreakFacts) => CauseVerdict>> = {
  timing_difference: timingCause,
  unbooked_fee: feeCause,
  unbooked_interest: interestCause,
  fee_deduction: feeDeductionCause,
  rounding_difference: () => causeVerdict('rounding', 0.97, 'cause.rounding', 'A difference within the rounding tolerance.'),
  fx_difference: fxCause,
  amount_mismatch: amountMismatchCause,
  sign_error: () => causeVerdict('debit_credit_swapped', 0.95, 'cause.sign', 'The item was booked with the wrong sign.'),
  duplicate_entry: duplicateCause,
  split_or_aggregate: aggregateCause,
  missing_internal: missingInternalCause,
  missing_external: missingExternalCause,
  reversal: reversalCause,
  reference_mismatch: referenceCause,
  ambiguous_match: () => causeVerdict('identical_candidates', 0.95, 'cause.ambiguous', 'Several records are equally good counterparts.'),
  quantity_mismatch: quantityCause,
  price_difference: priceCause,
  settlement_date_mismatch: settlementCause,
  security_id_mismatch: securityIdCause,
  income_difference: incomeCause,
  corporate_action: corporateActionCause,
};

/** The cause verdict for a type, from the break's facts. */
export function causeFor(facts: BreakFacts, type: BreakType): CauseVerdict {
  return CAUSE_RULES[type](facts);
}

export function rootCauseByRules(ctx: BreakContext, classification: Classification): RootCauseFinding {
  const v = causeFor(breakFacts(ctx), classification.type);
  return {
    breakId: ctx.id,
    cause: v.cause,
    confidence: clampConfidence(v.confidence),
    rationale: v.reason,
    evidence: boundedEvidence([`rule ${v.rule}`, ...v.evidence]),
  };
}
