/**
 * Runs labeled cases through the real graph — matching, the three agents and
 * verification — one batch per case against an in-memory run store, and
 * turns what came out into predictions of the contract format. The caller
 * wires the agents (rules, the LLM when configured, calibration), so the same
 * runner serves `recon eval`, the CI gate and the tests with the fake LLM.
 */
import type { RunDeps, RunSettings } from '../../agents/agent-ports.ts';
import type { MatchConfigInput } from '../../core/match/match-config.ts';
import type { AgentMode } from '../../core/statuses.ts';
import { runBatch } from '../../agents/run-batch.ts';
import { createMemoryRunStore } from '../../agents/stores/memory-run-store.ts';
import { caseSides } from '../../agents/testing/case-batch.ts';
import type { EvalCase } from '../case-schema.ts';
import type { Prediction } from '../prediction-schema.ts';

/** What the runner needs besides the store and the records, which it makes per case. */
export type CaseDeps = Omit<RunDeps, 'store' | 'loadRecords'>;

export interface RunCasesOptions {
  readonly mode: AgentMode;
  readonly deps: CaseDeps;
  readonly settings: RunSettings;
  /** Cases in flight at once (LLM modes wait on the network). */
  readonly parallel?: number;
  readonly onCase?: (done: number, total: number) => void;
}

export async function predictCase(c: EvalCase, options: RunCasesOptions): Promise<Prediction> {
  const store = createMemoryRunStore();
  const runId = `eval-${options.mode}-${c.id}`;
  const records = caseSides(c);
  const started = performance.now();
  const { summary, results } = await runBatch({
    deps: { ...options.deps, store, loadRecords: async () => records },
    // Every run of a case starts from nothing: no auto-approval, no memory.
    settings: { ...options.settings, mode: options.mode, autoApproval: { ...options.settings.autoApproval, enabled: false } },
    input: { runId, domain: c.domain, asOf: c.asOf, ...(c.config ? { matchConfig: c.config as MatchConfigInput } : {}) },
  });
  const latencyMs = performance.now() - started;
  const stored = store.breaks.get(runId);
  return {
    id: c.id,
    mode: options.mode,
    matches: (store.matches.get(runId) ?? []).map((g) => ({ external: [...g.external], internal: [...g.internal], confidence: g.evidence.score })),
    breaks: results.map(({ suggestion: s }) => {
      const context = stored?.get(s.breakId)?.context;
      if (!context) throw new Error(`case ${c.id}: break ${s.breakId} has a suggestion but was not stored`);
      return {
        external: context.external.map((r) => r.id),
        internal: context.internal.map((r) => r.id),
        type: s.type,
        cause: s.cause,
        resolution: s.resolution,
        confidence: s.confidence,
        source: s.source,
        verified: s.verification.ok,
        ...(s.fallbackReason ? { fallbackReason: s.fallbackReason } : {}),
        promptVersion: s.promptVersion,
        ...(s.model ? { model: s.model } : {}),
      };
    }),
    usage: { tokensIn: summary.tokensIn, tokensOut: summary.tokensOut, cost: summary.cost, latencyMs: Math.round(latencyMs * 10) / 10 },
  };
}

/** Predictions in case order, whatever order they finished in. */
export async function predictCases(cases: readonly EvalCase[], options: RunCasesOptions): Promise<Prediction[]> {
  const out: Prediction[] = new Array(cases.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < cases.length) {
      const index = next++;
      out[index] = await predictCase(cases[index]!, options);
      options.onCase?.(++done, cases.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.parallel ?? 1, cases.length)) }, worker));
  return out;
}
