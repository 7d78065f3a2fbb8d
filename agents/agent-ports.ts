/**
 * What the graph needs from its collaborators, as interfaces: the rules
 * agents (`core/rules`), the LLM agents (`agents/llm`), the store
 * (`core/ports/run-store.ts`), a clock and metrics. Everything is injected, so
 * each node is tested with plain objects and the entry points wire the real
 * adapters.
 */
import type { BreakContext } from '../core/breaks/break-context.ts';
import type { Classification, ResolutionProposal, RootCauseFinding } from '../core/breaks/agent-outputs.ts';
import type { TokenUsage } from '../core/breaks/suggestion.ts';
import type { VerificationResult } from '../core/breaks/verification.ts';
import type { CanonicalRecord } from '../core/records/canonical-record.ts';
import type { RunStore } from '../core/ports/run-store.ts';
import type { AgentMode } from '../core/statuses.ts';
import type { Resolution } from '../core/taxonomy/actions.ts';
import type { PriceTable } from './llm/llm-cost.ts';
import type { BreakType } from '../core/taxonomy/break-types.ts';

export interface RootCauseItem {
  readonly context: BreakContext;
  readonly classification: Classification;
}
export interface SuggestItem extends RootCauseItem {
  readonly rootCause: RootCauseFinding;
}

/** The deterministic agents: same output contract as the LLM, synchronous and pure. */
export interface RulesAgents {
  readonly version: string;
  classify(context: BreakContext): Classification;
  rootCause(context: BreakContext, classification: Classification): RootCauseFinding;
  suggest(context: BreakContext, classification: Classification, rootCause: RootCauseFinding): ResolutionProposal;
  verify(context: BreakContext, type: BreakType, resolution: Resolution): VerificationResult;
}

export interface LlmBatchResult<O> {
  readonly outputs: readonly O[];
  readonly usage: TokenUsage;
  readonly model: string;
  /** `classify@1.0.0` */
  readonly promptVersion: string;
  readonly latencyMs: number;
}

/** One batched call per agent; failures throw an `AppError` whose `fallbackReasonOf` says why. */
export interface LlmAgents {
  classify(items: readonly BreakContext[], signal?: AbortSignal): Promise<LlmBatchResult<Classification>>;
  rootCause(items: readonly RootCauseItem[], signal?: AbortSignal): Promise<LlmBatchResult<RootCauseFinding>>;
  suggest(items: readonly SuggestItem[], signal?: AbortSignal): Promise<LlmBatchResult<ResolutionProposal>>;
}

/** Where a run's records come from: an import, a file, a case. Called once, by the load node. */
export type RecordSource = () => Promise<{ readonly external: readonly CanonicalRecord[]; readonly internal: readonly CanonicalRecord[] }>;

/** Keyed by agent, prompt version and break fingerprint; values are agent outputs with the break id blanked. */
export interface AgentCache {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface RunMetrics {
  agentCall(agent: string, outcome: 'ok' | 'fallback', seconds: number): void;
  fallback(agent: string, reason: string): void;
  tokens(agent: string, usage: TokenUsage): void;
  suggestion(source: string): void;
  /** Once per run that ran (not for a finished run read back from its checkpoint). */
  run?(outcome: RunOutcomeReport): void;
}

export interface RunOutcomeReport {
  readonly mode: AgentMode;
  readonly outcome: 'completed' | 'failed' | 'cancelled';
  readonly seconds: number;
  /** Present when the run completed. */
  readonly summary?: {
    readonly match: { readonly externalRecords: number; readonly internalRecords: number; readonly matchedRecords: number };
    readonly byType: Readonly<Record<string, number>>;
  };
}

export interface AutoApprovalPolicy {
  readonly enabled: boolean;
  /** Largest |amount| at stake that may be approved without a person, decimal string. */
  readonly maxAmount: string;
  readonly minConfidence: number;
  /** Approve only when the LLM and the rules reached the same type and action (hybrid/llm modes). */
  readonly requireAgreement: boolean;
}

export interface RunProgress {
  readonly phase: 'load' | 'match' | 'agents' | 'persist' | 'done';
  readonly done: number;
  readonly total: number;
}

/**
 * Maps a suggestion's raw confidence to the accuracy observed for answers of
 * its source, prompt version and model (fitted by the evaluation suite), so
 * that 0.9 means right nine times in ten. Unknown versions stay raw.
 */
export interface ConfidenceCalibration {
  /** Names the fitted mappings, for logs and reports. */
  readonly id: string;
  calibrate(raw: number, by: { readonly source: string; readonly promptVersion: string; readonly model?: string }): number;
}

export interface RunDeps {
  readonly store: RunStore;
  readonly rules: RulesAgents;
  /** Absent: rules only, whatever the mode (fallback reason `not_configured`). */
  readonly llm?: LlmAgents;
  readonly loadRecords: RecordSource;
  readonly clock: () => Date;
  readonly cache?: AgentCache;
  readonly metrics?: RunMetrics;
  /** USD per million tokens, for the run's cost. */
  readonly price?: PriceTable;
  readonly onProgress?: (progress: RunProgress) => void;
  /** Absent: suggestions carry the agents' raw confidence. */
  readonly calibration?: ConfidenceCalibration;
}

export interface RunSettings {
  readonly mode: AgentMode;
  /** Breaks per LLM call (and per fan-out chunk) when the LLM may be called. */
  readonly chunkSize: number;
  /** Breaks per fan-out chunk in rules mode: no call to batch, so chunks only bound the work per task. */
  readonly rulesChunkSize: number;
  /** Chunks processed at once: the `maxConcurrency` of the fan-out. */
  readonly concurrency: number;
  /** Hybrid: rules answers below this confidence go to the LLM. */
  readonly hybridThreshold: number;
  /** Reviewer memory needs this many agreeing approvals before it answers alone. */
  readonly memoryMinApprovals: number;
  readonly autoApproval: AutoApprovalPolicy;
}

export const DEFAULT_RUN_SETTINGS: RunSettings = {
  mode: 'rules',
  chunkSize: 20,
  rulesChunkSize: 500,
  concurrency: 4,
  hybridThreshold: 0.8,
  memoryMinApprovals: 1,
  autoApproval: { enabled: false, maxAmount: '0', minConfidence: 0.95, requireAgreement: true },
};
