/**
 * Root-cause prompt: given each break and its classified type, the cause
 * among that type's causes (or `unknown`). Causes per type come from core.
 */
import { z } from 'zod';
import { rootCauseSchema, type Classification } from '../../core/breaks/agent-outputs.ts';
import type { BreakContext } from '../../core/breaks/break-context.ts';
import { jsonAnswerLine, toToolJsonSchema, type AgentPrompt } from '../shared/agent-prompt.ts';
import { BREAK_KEY_LEGEND, legend, RECORD_KEY_LEGEND, renderBatch, renderBreak, batchSettings, UNTRUSTED_DATA_RULE } from '../shared/render-break.ts';
import { renderCausesByType } from '../shared/taxonomy-text.ts';

export const rootCauseOutputSchema = z.object({ results: z.array(rootCauseSchema) });
export type RootCauseOutput = z.infer<typeof rootCauseOutputSchema>;

export interface RootCauseItem {
  readonly context: BreakContext;
  readonly classification: Classification;
}

const VERSION = '1.0.0';

const SYSTEM = `Recon agent rootCause@${VERSION}. Each break below was already classified (key "type"). Find its root cause: one of the causes listed for that type, or unknown when the evidence does not decide. Give a calibrated confidence 0-1, a one-sentence rationale and up to 3 short evidence facts.

Causes by type (what points to each):
${renderCausesByType()}

Hints: a difference divisible by 9 suggests transposition_error; ×10 or ×100 decimal_shift; ext below int with the same reference and no fee wording partial_payment; a receipt booked internally not yet credited deposit_in_transit; an issued payment not yet debited outstanding_payment.

Break keys: type=classified type; ${legend(BREAK_KEY_LEGEND)}. Record keys: ${legend(RECORD_KEY_LEGEND)}.
${UNTRUSTED_DATA_RULE}

Example:
{"breakId":"b0","type":"amount_mismatch","shape":"pair","diff":"-90.00","ccy":"EUR","diffs":[["amount","410.00","500.00","-90.00"]],"ext":[{"id":"e1","d":"2026-10-12","amt":"410.00","ref":"INV-7"}],"int":[{"id":"i1","d":"2026-10-12","amt":"500.00","ref":"INV-7"}]}
→ {"breakId":"b0","cause":"partial_payment","confidence":0.6,"rationale":"The customer paid 410.00 of 500.00 on the same invoice.","evidence":["diff -90.00","ref INV-7 both sides"]}
${jsonAnswerLine('{"breakId","cause","confidence","rationale","evidence":[...]}')}`;

export const ROOT_CAUSE_PROMPT: AgentPrompt<RootCauseItem> = {
  id: 'rootCause',
  version: VERSION,
  toolName: 'record_root_causes',
  toolDescription: 'Record the root cause of every break in the batch.',
  system: SYSTEM,
  renderUser(items) {
    const contexts = items.map((i) => i.context);
    const settings = batchSettings(contexts);
    return renderBatch('Find the root cause of these breaks.', contexts, items.map((i) => renderBreak(i.context, settings, { type: i.classification.type })));
  },
  outputSchema: rootCauseOutputSchema,
  // Sent without the 51-code enum (a quarter of the call's schema tokens): the system text lists the causes per type, which says more, and the answer is still checked against the taxonomy.
  outputJsonSchema: toToolJsonSchema(z.object({ results: z.array(rootCauseSchema.extend({ cause: z.string().describe("a cause listed for the break's type, or unknown") })) })),
};
