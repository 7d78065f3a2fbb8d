/**
 * `npm run bench -- agents`: the agent graph over 10,000 breaks (scaled by
 * `--scale`) — in rules mode, and in LLM mode against the fake
 * OpenAI-compatible server answering every call after 300 ms, with 8 chunks
 * at once. Breaks come from the bulk generator (about 2 % of the records).
 * The agents' time is measured from the fan-out to the persist step, so
 * matching is not counted in it; the whole run is reported beside it.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_RUN_SETTINGS, type RunDeps, type RunProgress, type RunSettings } from '../agents/agent-ports.ts';
import { createLlmAgents } from '../agents/llm/index.ts';
import { rulesAgents } from '../agents/rules-agents.ts';
import { runBatch } from '../agents/run-batch.ts';
import { createMemoryRunStore } from '../agents/stores/memory-run-store.ts';
import { bulkSides } from '../evals/generator/bulk.ts';
import { startFakeLlm } from '../test/fake-llm/fake-llm-server.ts';
import { reconResponder } from '../test/fake-llm/recon-responder.ts';
import { report } from './report.ts';

/** Records per side that give about 10,000 breaks (2 % of 500,000). */
const RECORDS_FOR_10K_BREAKS = 500_000;

async function timedRun(name: string, sides: ReturnType<typeof bulkSides>, deps: Omit<RunDeps, 'store' | 'loadRecords' | 'clock' | 'onProgress'>, settings: RunSettings): Promise<void> {
  let agentsStarted = 0;
  let agentsEnded = 0;
  const onProgress = (p: RunProgress) => {
    if (p.phase === 'agents' && agentsStarted === 0) agentsStarted = performance.now();
    if (p.phase === 'persist' && agentsEnded === 0) agentsEnded = performance.now();
  };
  const started = performance.now();
  const result = await runBatch({
    deps: { ...deps, store: createMemoryRunStore(), loadRecords: async () => sides, clock: () => new Date(), onProgress },
    settings,
    input: { runId: randomUUID(), domain: 'cash', asOf: '2026-10-31' },
  });
  const total = (performance.now() - started) / 1000;
  const agents = (agentsEnded - agentsStarted) / 1000;
  const n = result.summary.breaks;
  report({ bench: 'agents', case: `${name} agents`, count: n, unit: 'breaks', seconds: agents, perSecond: n / agents });
  report({ bench: 'agents', case: `${name} whole run`, count: n, unit: 'breaks', seconds: total, perSecond: n / total });
  const usage = result.summary.usage;
  for (const agent of ['classify', 'rootCause', 'suggest'] as const) {
    const u = usage[agent];
    if (u) process.stdout.write(`agents  ${name} ${agent}: ${u.calls} calls, ${(u.promptTokens / n).toFixed(0)} prompt tokens per break, ${(u.completionTokens / n).toFixed(0)} completion tokens per break\n`);
  }
  process.stdout.write(`agents  ${name} sources ${JSON.stringify(result.summary.bySource)} fallbacks ${JSON.stringify(result.summary.fallbacks)}\n`);
}

export async function agentsBench(options: { scale: number }): Promise<void> {
  const sides = bulkSides(Math.round(RECORDS_FOR_10K_BREAKS * options.scale), 1);
  await timedRun('rules', sides, { rules: rulesAgents }, { ...DEFAULT_RUN_SETTINGS, mode: 'rules' });
  const server = await startFakeLlm({ responder: reconResponder(), latencyMs: 300 });
  try {
    const llm = createLlmAgents({ baseUrl: server.baseUrl, model: 'fake-model', timeoutMs: 10_000, maxRetries: 0 });
    await timedRun('llm', sides, { rules: rulesAgents, llm }, { ...DEFAULT_RUN_SETTINGS, mode: 'llm', concurrency: 8 });
  } finally {
    await server.close();
  }
}
