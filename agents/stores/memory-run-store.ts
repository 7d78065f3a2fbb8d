/**
 * The `RunStore` port in memory, for unit tests and the evaluation suite: the
 * same idempotency as the database store (`db/repositories/run-store.ts`) —
 * a run by its id, matches once per run, breaks once per (run, break id) —
 * and everything it stored is inspectable. Reviewer memory holds only what
 * the caller seeds or `remember`s, i.e. human approvals: auto-approved breaks
 * never teach it anything.
 */
import { AppError } from '../../core/errors/app-error.ts';
import type { MatchGroup } from '../../core/match/match-types.ts';
import { checkPersistedBreak, type PersistedBreak, type RememberedDecision, type RunStart, type RunStore, type RunTotals } from '../../core/ports/run-store.ts';
import type { RunStatus } from '../../core/statuses.ts';

export interface MemoryRun {
  readonly start: RunStart;
  readonly status: RunStatus;
  /** 1 for a run started once; each further start of the same id adds one. */
  readonly attempts: number;
  /** Set by finishRun, cleared when the run starts again. */
  readonly totals?: RunTotals;
}

export interface MemoryBreak extends PersistedBreak {
  readonly runId: string;
  readonly status: 'suggested' | 'approved';
  /** The one decision the store itself makes: the policy's approval, by no one. */
  readonly decision?: 'auto_approve';
}

export interface MemoryRunStore extends RunStore {
  readonly runs: ReadonlyMap<string, MemoryRun>;
  /** Per run, its match groups as first stored. */
  readonly matches: ReadonlyMap<string, readonly MatchGroup[]>;
  /** Per run, its breaks by break id, in the order first stored. */
  readonly breaks: ReadonlyMap<string, ReadonlyMap<string, MemoryBreak>>;
  /** Adds a reviewer's approval to the memory; the latest one per fingerprint wins. */
  remember(decision: RememberedDecision): void;
}

export interface MemoryRunStoreSeed {
  /** Earlier reviewer approvals, oldest first: a later entry for a fingerprint replaces an earlier one. */
  readonly decisions?: readonly RememberedDecision[];
}

function notFound(runId: string, operation: string): AppError {
  return new AppError('not_found', `Run ${runId}: ${operation} failed: the run does not exist; call startRun first`, { details: { runId } });
}

export function createMemoryRunStore(seed: MemoryRunStoreSeed = {}): MemoryRunStore {
  const runs = new Map<string, MemoryRun>();
  const matches = new Map<string, readonly MatchGroup[]>();
  const breaks = new Map<string, Map<string, MemoryBreak>>();
  const memory = new Map<string, RememberedDecision>();
  const remember = (decision: RememberedDecision): void => {
    memory.set(decision.fingerprint, decision);
  };
  for (const decision of seed.decisions ?? []) remember(decision);

  return {
    runs,
    matches,
    breaks,
    remember,

    async startRun(run) {
      const existing = runs.get(run.runId);
      if (!existing) {
        runs.set(run.runId, { start: run, status: 'running', attempts: 1 });
        return;
      }
      // A restart keeps what the run is about and an earlier job id unless given a new one.
      const start = { ...existing.start, jobId: run.jobId ?? existing.start.jobId };
      runs.set(run.runId, { start, status: 'running', attempts: existing.attempts + 1 });
    },

    async saveMatches(runId, groups) {
      if (!runs.has(runId)) throw notFound(runId, 'saving matches');
      // Like the database: a run that already has groups gets no more.
      if ((matches.get(runId)?.length ?? 0) > 0) return;
      matches.set(runId, [...groups]);
    },

    async saveBreaks(runId, batch) {
      if (batch.length === 0) return;
      if (!runs.has(runId)) throw notFound(runId, 'saving breaks');
      // Every check before the first write, so a refused batch leaves nothing behind.
      for (const b of batch) checkPersistedBreak(runId, b);
      let stored = breaks.get(runId);
      if (!stored) {
        stored = new Map();
        breaks.set(runId, stored);
      }
      for (const b of batch) {
        if (stored.has(b.context.id)) continue;
        stored.set(b.context.id, {
          ...b,
          runId,
          status: b.autoApproved ? 'approved' : 'suggested',
          ...(b.autoApproved ? { decision: 'auto_approve' as const } : {}),
        });
      }
    },

    async finishRun(runId, totals) {
      const run = runs.get(runId);
      if (!run) throw notFound(runId, 'finishing the run');
      runs.set(runId, { ...run, status: totals.status, totals });
    },

    async rememberedDecisions(fingerprints) {
      const out = new Map<string, RememberedDecision>();
      for (const fingerprint of fingerprints) {
        const decision = memory.get(fingerprint);
        if (decision) out.set(fingerprint, decision);
      }
      return out;
    },
  };
}
