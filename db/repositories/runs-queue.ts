/**
 * A run requested through the API, recorded before any work starts: the row
 * exists (status `queued`) the moment the caller gets its id, so the list,
 * the detail and the event stream all find it at once. The graph's
 * `startRun` later marks the same row running.
 */
import { eq } from 'drizzle-orm';
import type { AgentMode } from '../../core/statuses.ts';
import type { Database } from '../client.ts';
import { runs } from '../schema/runs.ts';
import { appendAudit } from './audit-repository.ts';

export interface QueuedRun {
  readonly runId: string;
  readonly reconciliationId: string;
  readonly asOf: string;
  readonly mode: AgentMode;
  readonly requestedBy: string;
}

export async function queueRun(db: Database, run: QueuedRun, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(runs).values({ id: run.runId, reconciliationId: run.reconciliationId, asOf: run.asOf, mode: run.mode, status: 'queued', createdAt: now });
    await appendAudit(tx, [{ actor: run.requestedBy, action: 'run.requested', entityType: 'run', entityId: run.runId, payload: { reconciliationId: run.reconciliationId, asOf: run.asOf, mode: run.mode } }], now);
  });
}

/** A run that failed before or outside the graph (its records could not be loaded, its configuration is invalid). */
export async function markRunFailed(db: Database, runId: string, error: string, now: Date): Promise<void> {
  await db.update(runs).set({ status: 'failed', error, finishedAt: now }).where(eq(runs.id, runId));
}
