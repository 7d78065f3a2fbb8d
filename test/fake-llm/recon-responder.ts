/**
 * A scripted "model" that answers Recon's three prompts plausibly from the
 * break lines alone, so adapter tests exercise real prompts end to end. It
 * knows which agent is asking from the prompt's first line.
 */
import { CAUSES_BY_TYPE } from '../../core/taxonomy/root-causes.ts';
import type { BreakType } from '../../core/taxonomy/break-types.ts';
import type { ParsedChatRequest } from './chat-request.ts';
import type { Responder } from './fake-llm-server.ts';

export type ReconAgent = 'classify' | 'rootCause' | 'suggest';

export function agentOf(request: ParsedChatRequest): ReconAgent | undefined {
  const id = /Recon agent (\w+)@/.exec(request.system)?.[1];
  return id === 'classify' || id === 'rootCause' || id === 'suggest' ? id : undefined;
}

const TYPE_BY_SHAPE: Readonly<Record<string, BreakType>> = {
  pair: 'amount_mismatch',
  aggregate: 'split_or_aggregate',
  ambiguous: 'ambiguous_match',
  duplicate: 'duplicate_entry',
};

function typeOf(item: Record<string, unknown>): BreakType {
  if (typeof item.type === 'string') return item.type as BreakType;
  const shape = String(item.shape);
  if (shape === 'one_sided') return item.ext ? 'missing_internal' : 'missing_external';
  return TYPE_BY_SHAPE[shape] ?? 'amount_mismatch';
}

export function answerFor(agent: ReconAgent, item: Record<string, unknown>): Record<string, unknown> {
  const breakId = item.breakId;
  if (agent === 'classify') return { breakId, type: typeOf(item), confidence: 0.7, rationale: `Shape ${String(item.shape)}.`, evidence: [`shape ${String(item.shape)}`] };
  if (agent === 'rootCause') return { breakId, cause: CAUSES_BY_TYPE[typeOf(item)][0], confidence: 0.6, rationale: 'Most usual cause of the type.', evidence: [] };
  return { breakId, resolution: { action: 'escalate', reason: `Review ${String(breakId)} by hand.` }, confidence: 0.5, rationale: 'Escalated for review.' };
}

/** Answers every break of whichever agent asks; `override` patches single answers. */
export function reconResponder(override?: (agent: ReconAgent, answer: Record<string, unknown>) => Record<string, unknown>): Responder {
  return (request) => {
    const agent = agentOf(request);
    if (!agent) return { results: [] };
    const results = request.items.map((item) => answerFor(agent, item));
    return { results: override ? results.map((r) => override(agent, r)) : results };
  };
}
