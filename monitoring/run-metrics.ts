/**
 * The graph's and the LLM adapter's metric ports, implemented on the
 * registry. The shapes mirror `RunMetrics` (agents/agent-ports.ts) and
 * `LlmObserver` (agents/llm/llm-agents.ts) structurally: monitoring imports
 * nothing of the agents, the entry point passes these in.
 */
import type { ReconMetrics } from './metrics-registry.ts';

interface Usage {
  readonly promptTokens: number;
  readonly completionTokens: number;
}

/** What a finished (or failed) run reports once. */
export interface RunOutcome {
  readonly mode: string;
  readonly outcome: 'completed' | 'failed' | 'cancelled';
  readonly seconds: number;
  readonly summary?: {
    readonly match: { readonly externalRecords: number; readonly internalRecords: number; readonly matchedRecords: number };
    readonly byType: Readonly<Record<string, number>>;
  };
}

export interface RunMetricsPort {
  agentCall(agent: string, outcome: 'ok' | 'fallback', seconds: number): void;
  fallback(agent: string, reason: string): void;
  tokens(agent: string, usage: Usage): void;
  suggestion(source: string): void;
  run(outcome: RunOutcome): void;
}

export interface LlmCallEvent {
  readonly agent: string;
  /** `ok`, or the failure's fallback reason. */
  readonly outcome: string;
  readonly seconds: number;
  readonly usage?: Usage;
  /** USD, decimal string. */
  readonly cost?: string;
}

export interface LlmObserverPort {
  call(event: LlmCallEvent): void;
  circuit(state: 'closed' | 'open' | 'half_open'): void;
}

const CIRCUIT_STATES = ['closed', 'open', 'half_open'] as const;

function addTokens(counter: ReconMetrics['agentTokens'], agent: string, usage: Usage): void {
  if (usage.promptTokens > 0) counter.inc({ agent, kind: 'prompt' }, usage.promptTokens);
  if (usage.completionTokens > 0) counter.inc({ agent, kind: 'completion' }, usage.completionTokens);
}

export function runMetrics(m: ReconMetrics): RunMetricsPort {
  return {
    agentCall(agent, outcome, seconds) {
      m.agentCalls.inc({ agent, outcome });
      m.agentCallDuration.observe({ agent, outcome }, Math.max(0, seconds));
    },
    fallback: (agent, reason) => m.llmFallbacks.inc({ agent, reason }),
    tokens: (agent, usage) => addTokens(m.agentTokens, agent, usage),
    suggestion: (source) => m.suggestions.inc({ source }),
    run({ mode, outcome, seconds, summary }) {
      m.runs.inc({ mode, outcome });
      m.runDuration.observe({ mode, outcome }, Math.max(0, seconds));
      if (!summary) return;
      const { externalRecords, internalRecords, matchedRecords } = summary.match;
      m.recordsIngested.inc({ side: 'external' }, externalRecords);
      m.recordsIngested.inc({ side: 'internal' }, internalRecords);
      m.recordsMatched.inc({ mode }, matchedRecords);
      const loaded = externalRecords + internalRecords;
      m.matchRate.set({ mode }, loaded === 0 ? 1 : matchedRecords / loaded);
      for (const [type, count] of Object.entries(summary.byType)) m.breaks.inc({ type }, count);
    },
  };
}

export function llmObserver(m: ReconMetrics): LlmObserverPort {
  return {
    call({ agent, outcome, seconds, usage, cost }) {
      m.llmRequests.inc({ agent, outcome });
      m.llmDuration.observe({ agent, outcome: outcome === 'ok' ? 'ok' : 'error' }, Math.max(0, seconds));
      if (usage) addTokens(m.llmTokens, agent, usage);
      // A metric sample is a float by nature; the exact decimal stays in the run's stored cost.
      const usd = cost === undefined ? 0 : Number(cost);
      if (usd > 0) m.llmCost.inc({ agent }, usd);
    },
    circuit(state) {
      for (const s of CIRCUIT_STATES) m.llmCircuitState.set({ state: s }, s === state ? 1 : 0);
    },
  };
}
