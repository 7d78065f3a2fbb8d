/**
 * The auto-approval policy (DESIGN §6): a suggestion is approved without a
 * person only when the policy is on, it verified, it did not come from a
 * fallback, it is sure enough, the money at stake is under the threshold,
 * and — where an LLM answered — the rules reached the same type and action.
 * Nothing a model writes can switch any of these on.
 */
import { absDecimal, compareDecimal, parseDecimal } from '../money/decimal.ts';
import type { BreakSuggestion } from '../breaks/suggestion.ts';

export interface AutoApprovalRule {
  readonly enabled: boolean;
  readonly maxAmount: string;
  readonly minConfidence: number;
  readonly requireAgreement: boolean;
}

export interface AutoApprovalInput {
  readonly suggestion: BreakSuggestion;
  /**
   * The agents' own confidence before calibration. A calibration fitted on
   * easier cases than today's can lift an unsure answer to 0.99; a person is
   * skipped only when both the raw and the calibrated confidence are high.
   */
  readonly rawConfidence?: number;
  readonly rulesAgree: boolean;
  readonly amountAtStake: string;
}

export type AutoApprovalVerdict = { readonly approve: true } | { readonly approve: false; readonly why: string };

export function decideAutoApproval(input: AutoApprovalInput, rule: AutoApprovalRule): AutoApprovalVerdict {
  const { suggestion } = input;
  if (!rule.enabled) return { approve: false, why: 'auto-approval is off' };
  if (!suggestion.verification.ok) return { approve: false, why: 'not verified' };
  if (suggestion.fallbackReason) return { approve: false, why: `fell back to rules (${suggestion.fallbackReason})` };
  if (suggestion.resolution.action === 'escalate') return { approve: false, why: 'escalations need a person' };
  const confidence = Math.min(suggestion.confidence, input.rawConfidence ?? suggestion.confidence);
  if (confidence < rule.minConfidence) return { approve: false, why: `confidence ${confidence} below ${rule.minConfidence}` };
  if (compareDecimal(absDecimal(parseDecimal(input.amountAtStake)), parseDecimal(rule.maxAmount)) > 0) return { approve: false, why: `amount ${input.amountAtStake} above ${rule.maxAmount}` };
  if (rule.requireAgreement && suggestion.source !== 'rules' && suggestion.source !== 'memory' && !input.rulesAgree) return { approve: false, why: 'the LLM and the rules disagree' };
  return { approve: true };
}
