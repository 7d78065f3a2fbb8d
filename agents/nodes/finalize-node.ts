/** Sums the run up, records it in the store, and reports it. */
import type { RunDeps } from '../agent-ports.ts';
import { costOf } from '../llm/llm-cost.ts';
import type { RunStateUpdate, RunStateValue, RunSummary } from '../graph/run-state.ts';
import { totalUsage } from '../graph/usage.ts';

function countBy<T>(items: readonly T[], key: (item: T) => string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

export function finalizeNode(deps: RunDeps) {
  return async (state: RunStateValue): Promise<RunStateUpdate> => {
    const suggestions = state.results.map((r) => r.suggestion);
    const usage = totalUsage(state.usage);
    const summary: RunSummary = {
      runId: state.input.runId,
      match: state.matchSummary ?? { externalRecords: 0, internalRecords: 0, matchGroups: 0, matchedRecords: 0, byPass: {} },
      breaks: suggestions.length,
      byType: countBy(suggestions, (s) => s.type),
      bySource: countBy(suggestions, (s) => s.source),
      fallbacks: countBy(suggestions, (s) => s.fallbackReason),
      verified: suggestions.filter((s) => s.verification.ok).length,
      autoApproved: state.approvals.length,
      usage: state.usage,
      tokensIn: usage.promptTokens,
      tokensOut: usage.completionTokens,
      cost: deps.price ? costOf(usage, deps.price) : '0',
      durationMs: Math.max(0, deps.clock().getTime() - state.startedAt),
    };
    const { runId: _runId, usage: _usage, tokensIn, tokensOut, cost, ...stats } = summary;
    await deps.store.finishRun(state.input.runId, { status: 'completed', stats: { ...stats, usage: state.usage }, tokensIn, tokensOut, cost });
    deps.onProgress?.({ phase: 'done', done: suggestions.length, total: suggestions.length });
    return { summary };
  };
}
