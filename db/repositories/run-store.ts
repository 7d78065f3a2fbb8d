/**
 * The `RunStore` port on PostgreSQL or PGlite. Every write is idempotent by
 * its natural key, so a resumed run or a retried job never duplicates:
 * - startRun: the run id (insert, or mark the existing run running again);
 * - saveMatches: the run (its groups are written once, `run-matches.ts`);
 * - saveBreaks: (run, break id), the exceptions' unique `break_key` (`run-breaks.ts`);
 * - finishRun: an update of the run row.
 *
 * Starting and finishing a run append `run.started` / `run.finished` to the
 * audit log in the same transaction as the run row.
 */
import { eq, sql } from 'drizzle-orm';
import type { RunStart, RunStore, RunTotals } from '../../core/ports/run-store.ts';
import type { Database } from '../client.ts';
import { runs } from '../schema/runs.ts';
import { appendAudit } from './audit-repository.ts';
import { saveRunBreaks } from './run-breaks.ts';
import { runNotFound, runStoreFailure } from './run-errors.ts';
import { saveRunMatches } from './run-matches.ts';
import { rememberedDecisionsOf } from './run-memory.ts';

export interface DbRunStoreOptions {
  /** The clock for started, finished and opened times; tests pass a fixed one. */
  readonly now?: () => Date;
}

async function startRun(db: Database, run: RunStart, now: Date): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await tx
        .insert(runs)
        .values({
          id: run.runId,
          reconciliationId: run.reconciliationId ?? null,
          asOf: run.asOf,
          mode: run.mode,
          jobId: run.jobId ?? null,
          status: 'running',
          startedAt: now,
        })
        .onConflictDoUpdate({
          target: runs.id,
          // A restart is a new attempt of the same run: running again, the last outcome cleared.
          set: { status: 'running', startedAt: now, finishedAt: null, error: null, jobId: sql`coalesce(excluded.job_id, ${runs.jobId})` },
        });
      await appendAudit(tx, [{ actor: 'system', action: 'run.started', entityType: 'run', entityId: run.runId, payload: { reconciliationId: run.reconciliationId ?? null, asOf: run.asOf, mode: run.mode, domain: run.domain, jobId: run.jobId ?? null } }], now);
    });
  } catch (error) {
    throw runStoreFailure(error, { runId: run.runId, operation: 'starting the run' });
  }
}

async function finishRun(db: Database, runId: string, totals: RunTotals, now: Date): Promise<void> {
  let updated: { id: string }[];
  try {
    updated = await db.transaction(async (tx) => {
      const rows = await tx
        .update(runs)
        .set({
          status: totals.status,
          stats: { ...totals.stats },
          tokensIn: totals.tokensIn,
          tokensOut: totals.tokensOut,
          cost: totals.cost,
          error: totals.error ?? null,
          finishedAt: now,
        })
        .where(eq(runs.id, runId))
        .returning({ id: runs.id });
      if (rows.length > 0) {
        const { status, tokensIn, tokensOut, cost, error } = totals;
        await appendAudit(tx, [{ actor: 'system', action: 'run.finished', entityType: 'run', entityId: runId, payload: { status, tokensIn, tokensOut, cost, error: error ?? null, breaks: totals.stats.breaks ?? null } }], now);
      }
      return rows;
    });
  } catch (error) {
    throw runStoreFailure(error, { runId, operation: 'finishing the run' });
  }
  if (updated.length === 0) throw runNotFound(runId, 'finishing the run');
}

export function createDbRunStore(db: Database, options: DbRunStoreOptions = {}): RunStore {
  const now = options.now ?? (() => new Date());
  return {
    startRun: (run) => startRun(db, run, now()),
    saveMatches: (runId, matches) => saveRunMatches(db, runId, matches),
    saveBreaks: (runId, breaks) => saveRunBreaks(db, runId, breaks, now()),
    finishRun: (runId, totals) => finishRun(db, runId, totals, now()),
    rememberedDecisions: (fingerprints) => rememberedDecisionsOf(db, fingerprints),
  };
}
