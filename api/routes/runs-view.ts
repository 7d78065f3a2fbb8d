/** A run as the API shows it: the row, its queue and run durations, and its exceptions by status. */
import { runExceptionCounts } from '../../db/repositories/runs-query.ts';
import type { Run } from '../../db/schema/runs.ts';
import type { Database } from '../../db/client.ts';

/** Queue wait and run time; a running run counts up to now. */
export function runDurations(run: Run, now: Date): { queuedMs: number | null; runMs: number | null } {
  const ms = (a: Date | null, b: Date | null) => (a && b ? Math.max(0, b.getTime() - a.getTime()) : null);
  return { queuedMs: ms(run.createdAt, run.startedAt), runMs: ms(run.startedAt, run.finishedAt ?? (run.status === 'running' ? now : null)) };
}

export async function runDetailView(db: Database, run: Run, now: Date) {
  const byStatus = await runExceptionCounts(db, run.id);
  return { ...run, ...runDurations(run, now), exceptions: { total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus } };
}
