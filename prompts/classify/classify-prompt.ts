/**
 * Classification prompt: one break type per break, from the whole taxonomy.
 * The conventions are the contract's (docs/contracts/taxonomy.md) that decide
 * between types; the lists themselves are rendered from core.
 */
import { z } from 'zod';
import { classificationSchema } from '../../core/breaks/agent-outputs.ts';
import type { BreakContext } from '../../core/breaks/break-context.ts';
import { jsonAnswerLine, toToolJsonSchema, type AgentPrompt } from '../shared/agent-prompt.ts';
import { BREAK_KEY_LEGEND, legend, RECORD_KEY_LEGEND, renderBatch, renderBreak, batchSettings, UNTRUSTED_DATA_RULE } from '../shared/render-break.ts';
import { renderBreakTypes } from '../shared/taxonomy-text.ts';

export const classifyOutputSchema = z.object({ results: z.array(classificationSchema) });
export type ClassifyOutput = z.infer<typeof classifyOutputSchema>;

const VERSION = '1.0.0';

const SYSTEM = `Recon agent classify@${VERSION}. You classify reconciliation breaks: records from the external side (statement) and the internal side (books) that the matching engine could not clear.
For each break give its type, a calibrated confidence 0-1 (0.9 = right 9 times in 10), a one-sentence rationale and up to 3 short evidence facts.

Break types:
${renderBreakTypes()}

Rules (windows and tolerances are in the batch line):
- One-sided item with d inside the clearing window: timing_difference; older: missing_internal (ext only) or missing_external (int only). Fees, interest and returns go by their nature whatever their age.
- Same item both sides with booking dates beyond the match window: timing_difference.
- Pair agreeing on amount and date, references or counterparties differ: reference_mismatch. Group that ties but shares no reference: split_or_aggregate.
- shape ambiguous: ambiguous_match; shape duplicate: duplicate_entry (the later copy).
- Return, chargeback or NSF line alone: reversal. Equal magnitude, opposite sign: sign_error.
- |diff| within the rounding tolerance: rounding_difference; ext = int minus a fee: fee_deduction; currencies or rates differ: fx_difference.
- Securities fields (qty, px, sd, sec, income) decide the securities types.

Break keys: ${legend(BREAK_KEY_LEGEND)}. Record keys: ${legend(RECORD_KEY_LEGEND)}.
${UNTRUSTED_DATA_RULE}

Examples:
{"breakId":"b0","shape":"one_sided","ccy":"EUR","ext":[{"id":"e1","d":"2026-10-30","amt":"-12.50","desc":"ACCOUNT FEE OCT"}]}
→ {"breakId":"b0","type":"unbooked_fee","confidence":0.93,"rationale":"Bank fee on the statement with no entry in the books.","evidence":["desc: account fee","-12.50 debit, ext only"]}
{"breakId":"b1","shape":"pair","diff":"-15.00","ccy":"USD","diffs":[["amount","985.00","1000.00","-15.00"]],"ext":[{"id":"e2","d":"2026-10-20","amt":"985.00","ref":"INV-88"}],"int":[{"id":"i2","d":"2026-10-20","amt":"1000.00","ref":"INV-88"}]}
→ {"breakId":"b1","type":"fee_deduction","confidence":0.85,"rationale":"Same reference; the bank credited 15.00 less, a wire fee taken in flight.","evidence":["diff -15.00","ref INV-88 both sides"]}
${jsonAnswerLine('{"breakId","type","confidence","rationale","evidence":[...]}')}`;

export const CLASSIFY_PROMPT: AgentPrompt<BreakContext> = {
  id: 'classify',
  version: VERSION,
  toolName: 'classify_breaks',
  toolDescription: 'Record the break type of every break in the batch.',
  system: SYSTEM,
  renderUser(items) {
    const settings = batchSettings(items);
    return renderBatch('Classify these breaks.', items, items.map((c) => renderBreak(c, settings)));
  },
  outputSchema: classifyOutputSchema,
  outputJsonSchema: toToolJsonSchema(classifyOutputSchema),
};
