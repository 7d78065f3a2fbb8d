/**
 * Runs one batch through the graph. With a checkpointer, the run id is the
 * thread id: calling this again for a run whose process died continues from
 * the last checkpoint (finished chunks are not redone; the store's idempotent
 * writes absorb anything written twice) instead of starting over.
 */
import type { BaseCheckpointSaver } from '@langchain/langgraph';
import type { RunDeps, RunSettings } from './agent-ports.ts';
import { buildRunGraph } from './graph/run-graph.ts';
import type { BreakResult, RunInput, RunSummary } from './graph/run-state.ts';

export interface RunBatchOptions {
  readonly deps: RunDeps;
  readonly settings: RunSettings;
  readonly input: RunInput;
  readonly checkpointer?: BaseCheckpointSaver;
  readonly signal?: AbortSignal;
}

export interface RunBatchResult {
  readonly summary: RunSummary;
  readonly results: readonly BreakResult[];
  /** True when the run continued from a checkpoint of an earlier attempt. */
  readonly resumed: boolean;
}

/** Every chunk is one task; the graph's own steps add a handful. */
const RECURSION_LIMIT = 1000;

export async function runBatch(options: RunBatchOptions): Promise<RunBatchResult> {
  const graph = buildRunGraph(options.deps, options.settings, options.checkpointer);
  const config = {
    configurable: { thread_id: options.input.runId },
    // At least 2: see graph/limiter.ts for why, and for what enforces the configured number.
    maxConcurrency: Math.max(2, options.settings.concurrency),
    recursionLimit: RECURSION_LIMIT,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  let resumed = false;
  if (options.checkpointer) {
    const snapshot = await graph.getState(config);
    // A checkpoint with pending nodes belongs to an interrupted attempt of this run.
    if (snapshot.next.length > 0) resumed = true;
    else if (snapshot.values && (snapshot.values as { summary?: RunSummary | null }).summary) {
      const done = snapshot.values as { summary: RunSummary; results: BreakResult[] };
      return { summary: done.summary, results: done.results, resumed: false };
    }
  }
  const metrics = options.deps.metrics;
  const started = options.deps.clock().getTime();
  const seconds = () => Math.max(0, options.deps.clock().getTime() - started) / 1000;
  try {
    const final = await graph.invoke(resumed ? null : { input: options.input }, config);
    if (!final.summary) throw new Error(`run ${options.input.runId} ended without a summary`);
    metrics?.run?.({ mode: options.settings.mode, outcome: 'completed', seconds: seconds(), summary: final.summary });
    return { summary: final.summary, results: final.results, resumed };
  } catch (error) {
    metrics?.run?.({ mode: options.settings.mode, outcome: options.signal?.aborted ? 'cancelled' : 'failed', seconds: seconds() });
    throw error;
  }
}
