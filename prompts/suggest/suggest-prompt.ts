/**
 * Resolution prompt: given each break with its type and cause, one action
 * with its parameters. Actions, their parameters, the actions allowed per
 * type and the account roles are rendered from core; the conventions by cause
 * are the contract's.
 */
import type { Classification, RootCauseFinding } from '../../core/breaks/agent-outputs.ts';
import type { BreakContext } from '../../core/breaks/break-context.ts';
import { jsonAnswerLine, toToolJsonSchema, type AgentPrompt } from '../shared/agent-prompt.ts';
import { BREAK_KEY_LEGEND, legend, RECORD_KEY_LEGEND, renderBatch, renderBreak, batchSettings, UNTRUSTED_DATA_RULE } from '../shared/render-break.ts';
import { renderAccountRoles, renderActions, renderActionsByType, renderCorrectableFields } from '../shared/taxonomy-text.ts';
import { suggestOutputSchema } from './suggest-output.ts';

export interface SuggestItem {
  readonly context: BreakContext;
  readonly classification: Classification;
  readonly rootCause: RootCauseFinding;
}

const VERSION = '1.0.0';

const SYSTEM = `Recon agent suggest@${VERSION}. Each break below has a type and a root cause (keys "type", "cause"). Propose one resolution: an action allowed for the type, with its parameters, a calibrated confidence 0-1 and a one-sentence rationale. A person reviews it and deterministic checks verify it balances.

Actions (parameters, ? = optional):
${renderActions()}

Allowed actions per type (usual first):
${renderActionsByType()}

Account roles: ${renderAccountRoles()}.

Conventions:
- Amounts are signed decimal strings ("-12.50") in the records' currency, from the books' view: amount = sum(ext) − sum(int), i.e. diff; a one-sided ext item posts its own amount.
- Record ids come from the records (ext → external, int → internal).
- partial_payment, overpayment, withholding_tax_rate, trade_not_settled: contact_counterparty; payment_not_executed: escalate; erroneous_booking: reverse_entry.
- unrecorded_receipt: post_journal to accounts_receivable; unrecorded_direct_debit: accounts_payable; unbooked_transfer_leg, trade_not_booked: suspense; commission, custody_fee: custody_fees; bank_service_charge: bank_charges; interest_credited: interest_income; interest_charged: interest_expense.
- Returned collections: post_journal to accounts_receivable; returned outgoing payments: accounts_payable.
- fx_difference with amounts apart: match_with_adjustment to fx_gain_loss; day_count_convention, accrual_period: to interest_income; early_payment_discount: to discounts_allowed; rounding: to rounding; fee deductions: to bank_charges.
- correct_entry fixes the internal record: field one of ${renderCorrectableFields()}; from = its value, to = the external value. Sign errors correct amount.
- Duplicates: reverse_entry on the later internal copy. Ambiguous or unknown cause: escalate with the reason.

Break keys: type, cause; ${legend(BREAK_KEY_LEGEND)}. Record keys: ${legend(RECORD_KEY_LEGEND)}.
${UNTRUSTED_DATA_RULE}

Examples:
{"breakId":"b0","type":"unbooked_fee","cause":"bank_service_charge","shape":"one_sided","ccy":"EUR","ext":[{"id":"e1","d":"2026-10-30","amt":"-12.50","desc":"ACCOUNT FEE OCT"}]}
→ {"breakId":"b0","resolution":{"action":"post_journal","account":"bank_charges","amount":"-12.50","currency":"EUR","memo":"Account fee October"},"confidence":0.9,"rationale":"Book the bank's account fee."}
{"breakId":"b1","type":"fee_deduction","cause":"wire_fee_deducted","shape":"pair","diff":"-15.00","ccy":"USD","ext":[{"id":"e2","d":"2026-10-20","amt":"985.00"}],"int":[{"id":"i2","d":"2026-10-20","amt":"1000.00"}]}
→ {"breakId":"b1","resolution":{"action":"match_with_adjustment","external":["e2"],"internal":["i2"],"account":"bank_charges","amount":"-15.00","currency":"USD"},"confidence":0.85,"rationale":"Match and book the wire fee taken in flight."}
${jsonAnswerLine('{"breakId","resolution":{"action",...parameters},"confidence","rationale"}')}`;

export const SUGGEST_PROMPT: AgentPrompt<SuggestItem> = {
  id: 'suggest',
  version: VERSION,
  toolName: 'propose_resolutions',
  toolDescription: 'Record one proposed resolution for every break in the batch.',
  system: SYSTEM,
  renderUser(items) {
    const contexts = items.map((i) => i.context);
    const settings = batchSettings(contexts);
    return renderBatch('Propose a resolution for these breaks.', contexts, items.map((i) => renderBreak(i.context, settings, { type: i.classification.type, cause: i.rootCause.cause })));
  },
  outputSchema: suggestOutputSchema,
  outputJsonSchema: toToolJsonSchema(suggestOutputSchema),
};
