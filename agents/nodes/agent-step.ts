/**
 * One agent over one chunk: the rules answer every break first (cheap, and
 * the fallback is then already there); the mode decides which breaks also go
 * to the LLM — none (`rules`), all (`llm`), or those the rules are unsure of
 * (`hybrid`). A failed call falls back to the rules for the whole chunk with
 * the reason recorded; nothing is ever dropped.
 */
import type { AgentName } from '../../core/breaks/agent-outputs.ts';
import type { BreakContext } from '../../core/breaks/break-context.ts';
import type { AgentMode, FallbackReason } from '../../core/statuses.ts';
import type { AgentCache, LlmBatchResult, RunDeps, RunMetrics, RunSettings } from '../agent-ports.ts';
import type { StepResult } from '../graph/chunk-state.ts';
import type { UsageByAgent } from '../graph/usage.ts';
import { splitUsage } from '../llm/llm-cost.ts';
import { fallbackReasonOf } from '../llm/llm-errors.ts';

interface Answer {
  readonly breakId: string;
  readonly confidence: number;
}

export interface AgentStepInput<I extends { readonly context: BreakContext }, O extends Answer> {
  readonly agent: AgentName;
  readonly items: readonly I[];
  readonly mode: AgentMode;
  readonly hybridThreshold: number;
  readonly rulesVersion: string;
  readonly rules: (item: I) => O;
  /** Absent when no endpoint is configured. */
  readonly llm?: (items: readonly I[]) => Promise<LlmBatchResult<O>>;
  /** What the answer depends on besides the break itself (the upstream labels), for the cache key. */
  readonly upstream: (item: I) => string;
  readonly cache?: AgentCache;
  readonly metrics?: RunMetrics;
  readonly now: () => number;
}

/** What every agent step takes from the run's dependencies and settings alike. */
export function stepSettings(deps: RunDeps, settings: RunSettings): Pick<AgentStepInput<never, never>, 'mode' | 'hybridThreshold' | 'rulesVersion' | 'cache' | 'metrics' | 'now'> {
  return {
    mode: settings.mode,
    hybridThreshold: settings.hybridThreshold,
    rulesVersion: deps.rules.version,
    ...(deps.cache ? { cache: deps.cache } : {}),
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
    now: () => deps.clock().getTime(),
  };
}

export interface AgentStepOutput<O> {
  readonly results: StepResult<O>[];
  readonly usage: UsageByAgent;
}

function routing(mode: AgentMode, confidence: number, threshold: number): { wantsLlm: boolean; why?: string } {
  if (mode === 'rules') return { wantsLlm: false };
  if (mode === 'llm') return { wantsLlm: true, why: 'llm mode' };
  return confidence < threshold
    ? { wantsLlm: true, why: `rules unsure (${confidence.toFixed(2)} < ${threshold})` }
    : { wantsLlm: false, why: `rules confident (${confidence.toFixed(2)} ≥ ${threshold})` };
}

export async function runAgentStep<I extends { readonly context: BreakContext }, O extends Answer>(input: AgentStepInput<I, O>): Promise<AgentStepOutput<O>> {
  const { agent, items } = input;
  const byRules = items.map((item) => input.rules(item));
  const wanted: number[] = [];
  const results: StepResult<O>[] = byRules.map((r, i) => {
    const route = routing(input.mode, r.confidence, input.hybridThreshold);
    if (route.wantsLlm) wanted.push(i);
    return { breakId: items[i]!.context.id, output: r, rules: r, source: 'rules', promptVersion: input.rulesVersion, ...(route.why ? { routing: route.why } : {}) };
  });
  if (wanted.length === 0) return { results, usage: {} };

  const fallBack = (indexes: readonly number[], reason: FallbackReason) => {
    for (const i of indexes) results[i] = { ...results[i]!, fallbackReason: reason };
    input.metrics?.fallback(agent, reason);
  };
  if (!input.llm) {
    fallBack(wanted, 'not_configured');
    return { results, usage: {} };
  }

  // A fingerprint seen before (same content, same upstream labels) is answered from the cache.
  const keyOf = (i: number) => `${agent}|${items[i]!.context.fingerprint}|${input.upstream(items[i]!)}`;
  const toCall: number[] = [];
  for (const i of wanted) {
    const cached = input.cache?.get(keyOf(i)) as (Omit<StepResult<O>, 'breakId' | 'rules'> & { output: O }) | undefined;
    if (cached) results[i] = { ...cached, breakId: items[i]!.context.id, output: { ...cached.output, breakId: items[i]!.context.id }, rules: byRules[i]!, source: 'cache', routing: results[i]!.routing ?? 'cache' };
    else toCall.push(i);
  }
  if (toCall.length === 0) return { results, usage: {} };

  const started = input.now();
  let answer: LlmBatchResult<O>;
  try {
    answer = await input.llm(toCall.map((i) => items[i]!));
  } catch (error) {
    input.metrics?.agentCall(agent, 'fallback', (input.now() - started) / 1000);
    fallBack(toCall, fallbackReasonOf(error));
    return { results, usage: {} };
  }
  input.metrics?.agentCall(agent, 'ok', (input.now() - started) / 1000);
  input.metrics?.tokens(agent, answer.usage);
  const byId = new Map(answer.outputs.map((o) => [o.breakId, o]));
  const shares = splitUsage(answer.usage, toCall.length);
  const missing: number[] = [];
  for (const [n, i] of toCall.entries()) {
    const tokens = shares[n]!;
    const output = byId.get(items[i]!.context.id);
    if (!output) {
      missing.push(i);
      continue;
    }
    const result: StepResult<O> = { ...results[i]!, output, source: 'llm', tokens, model: answer.model, promptVersion: answer.promptVersion };
    results[i] = result;
    input.cache?.set(keyOf(i), { output, source: 'llm', model: answer.model, promptVersion: answer.promptVersion, tokens: { promptTokens: 0, completionTokens: 0 } });
  }
  // The adapter checks ids already; an answer that still skips a break loses nothing.
  if (missing.length > 0) fallBack(missing, 'unknown_ids');
  return { results, usage: { [agent]: { ...answer.usage, calls: 1 } } };
}
