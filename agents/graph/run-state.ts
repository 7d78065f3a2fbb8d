/**
 * The run graph's state: JSON-plain (strings, numbers, arrays, plain
 * objects — no bigint, no Date, no class instances), so every checkpoint
 * serialises and a resumed run sees exactly what the killed one saw.
 */
import { Annotation } from '@langchain/langgraph';
import type { BreakContext } from '../../core/breaks/break-context.ts';
import type { BreakSuggestion } from '../../core/breaks/suggestion.ts';
import type { MatchConfigInput } from '../../core/match/match-config.ts';
import type { RememberedDecision } from '../../core/ports/run-store.ts';
import type { CanonicalRecord } from '../../core/records/canonical-record.ts';
import type { Domain } from '../../core/statuses.ts';
import { addUsageByAgent, type UsageByAgent } from './usage.ts';

export type { UsageByAgent } from './usage.ts';

export interface RunInput {
  readonly runId: string;
  readonly reconciliationId?: string;
  readonly jobId?: string;
  readonly domain: Domain;
  readonly asOf: string;
  readonly matchConfig?: MatchConfigInput;
}

export interface LoadedRecords {
  readonly external: readonly CanonicalRecord[];
  readonly internal: readonly CanonicalRecord[];
}

/** One break's way out of the chunk graph. */
export interface BreakResult {
  readonly suggestion: BreakSuggestion;
  /** The rules reached the same type and action as the answer used (trivially true for rules answers). */
  readonly rulesAgree: boolean;
  /** The weakest step's confidence before calibration (absent in results checkpointed before it was kept). */
  readonly rawConfidence?: number;
  /** |amount| at stake, decimal string: what the auto-approval threshold compares. */
  readonly amountAtStake: string;
}


export interface MatchSummary {
  readonly externalRecords: number;
  readonly internalRecords: number;
  readonly matchGroups: number;
  readonly matchedRecords: number;
  readonly byPass: Readonly<Record<string, number>>;
}

export interface RunSummary {
  readonly runId: string;
  readonly match: MatchSummary;
  readonly breaks: number;
  readonly byType: Readonly<Record<string, number>>;
  readonly bySource: Readonly<Record<string, number>>;
  readonly fallbacks: Readonly<Record<string, number>>;
  readonly verified: number;
  readonly autoApproved: number;
  readonly usage: UsageByAgent;
  readonly tokensIn: number;
  readonly tokensOut: number;
  /** USD, decimal string. */
  readonly cost: string;
  readonly durationMs: number;
}

const last = <T>(initial: T) => Annotation<T>({ reducer: (_old: T, next: T) => next, default: () => initial });

export const RunState = Annotation.Root({
  input: Annotation<RunInput>(),
  /** Wall-clock start (epoch ms from the injected clock), for the duration. */
  startedAt: last<number>(0),
  /** Held only between load and match; the match node clears it so later checkpoints stay small. */
  records: last<LoadedRecords | null>(null),
  matchSummary: last<MatchSummary | null>(null),
  breaks: last<BreakContext[]>([]),
  /** Reviewer memory for this run's fingerprints, looked up once before the fan-out. */
  memory: last<Record<string, RememberedDecision>>({}),
  /** Appended by every chunk of the fan-out. */
  /** Break ids the auto-approval policy approved. */
  approvals: last<string[]>([]),
  results: Annotation<BreakResult[]>({ reducer: (a, b) => a.concat(b), default: () => [] }),
  usage: Annotation<UsageByAgent>({ reducer: addUsageByAgent, default: () => ({}) }),
  summary: last<RunSummary | null>(null),
});

export type RunStateValue = typeof RunState.State;
export type RunStateUpdate = typeof RunState.Update;
