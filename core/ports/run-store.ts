/**
 * The persistence port of the agent graph. `db/` implements it on PostgreSQL
 * or PGlite; the evaluation suite and unit tests use an in-memory one. Every
 * write is idempotent by its natural key, so a resumed or re-run batch never
 * duplicates anything.
 */
import type { BreakContext } from '../breaks/break-context.ts';
import { AppError } from '../errors/app-error.ts';
import type { BreakSuggestion } from '../breaks/suggestion.ts';
import type { MatchGroup } from '../match/match-types.ts';
import type { AgentMode, Domain, RunStatus } from '../statuses.ts';
import type { Resolution } from '../taxonomy/actions.ts';
import type { BreakType } from '../taxonomy/break-types.ts';
import type { RootCause } from '../taxonomy/root-causes.ts';

export interface RunStart {
  /** Chosen by the caller (a UUID), so a retried job finds the run it started. */
  readonly runId: string;
  readonly reconciliationId?: string;
  readonly domain: Domain;
  readonly asOf: string;
  readonly mode: AgentMode;
  readonly jobId?: string;
}

export interface RunTotals {
  readonly status: Extract<RunStatus, 'completed' | 'failed' | 'cancelled'>;
  readonly stats: Readonly<Record<string, unknown>>;
  readonly tokensIn: number;
  readonly tokensOut: number;
  /** USD, decimal string. */
  readonly cost: string;
  readonly error?: string;
}

export interface PersistedBreak {
  readonly context: BreakContext;
  readonly suggestion: BreakSuggestion;
  /** Set by the auto-approval policy: the exception is approved with decision kind `auto_approve`. */
  readonly autoApproved: boolean;
}

/** What reviewers decided earlier for breaks with this fingerprint (approved or edited-then-approved). */
export interface RememberedDecision {
  readonly fingerprint: string;
  readonly type: BreakType;
  readonly cause: RootCause;
  readonly resolution: Resolution;
  /** How many approvals agree on this resolution. */
  readonly approvals: number;
}

export interface RunStore {
  /** Creates the run, or marks an existing one (same id) running again. */
  startRun(run: RunStart): Promise<void>;
  /** Stores the run's auto-cleared match groups; calling it again for the same run changes nothing. */
  saveMatches(runId: string, matches: readonly MatchGroup[]): Promise<void>;
  /** Stores exceptions with their first suggestion version; idempotent by (run, break id). */
  saveBreaks(runId: string, breaks: readonly PersistedBreak[]): Promise<void>;
  finishRun(runId: string, totals: RunTotals): Promise<void>;
  /** Reviewer memory: the latest approved resolution per fingerprint, for those that have one. */
  rememberedDecisions(fingerprints: readonly string[]): Promise<ReadonlyMap<string, RememberedDecision>>;
}

/** The programming errors every store refuses before it stores anything of a batch. */
export function checkPersistedBreak(runId: string, b: PersistedBreak): void {
  const { context, suggestion } = b;
  if (suggestion.breakId !== context.id) {
    throw new AppError('validation_failed', `Run ${runId}: suggestion for break ${suggestion.breakId} was paired with break ${context.id}; nothing was stored`, {
      details: { runId, breakId: context.id, suggestionBreakId: suggestion.breakId },
    });
  }
  if (context.external.length + context.internal.length === 0) {
    throw new AppError('validation_failed', `Run ${runId}: break ${context.id} has no records; nothing was stored`, { details: { runId, breakId: context.id } });
  }
}
