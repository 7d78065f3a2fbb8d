/**
 * The one place reconciliations become schedulers: each enabled
 * reconciliation with a cron schedule has exactly one scheduler (id from the
 * reconciliation), registered with `upsertJobScheduler` — idempotent, so
 * syncing again changes nothing — and a change or delete replaces or removes
 * it. The scheduler adds a `trigger` job; the nightly processor turns it into
 * the run of that night (one per reconciliation and as-of date).
 */
import { schedulerId } from '../core/jobs/job-ids.ts';
import type { TriggerPayload } from '../core/jobs/job-payloads.ts';
import type { Database } from '../db/client.ts';
import { listReconciliations } from '../db/repositories/reconciliations-repository.ts';
import type { Logger } from '../monitoring/logger.ts';
import type { JobSystem } from './job-system.ts';

export interface ScheduledReconciliation {
  readonly id: string;
  readonly schedule: string | null;
  readonly timezone: string;
  readonly enabled: boolean;
}

/** Structurally the API's `ReconciliationSchedules` port. */
export interface ReconciliationScheduler {
  sync(reconciliation: ScheduledReconciliation): Promise<void>;
  remove(reconciliationId: string): Promise<void>;
  nextRunAt(reconciliationId: string): Promise<Date | null>;
  /** Brings every scheduler in line with the table: registers what is scheduled, removes the rest. */
  syncAll(db: Database, logger: Logger): Promise<{ scheduled: number; removed: number }>;
}

const PREFIX = schedulerId('');

export function reconciliationScheduler(jobs: JobSystem): ReconciliationScheduler {
  const sync = async (r: ScheduledReconciliation) => {
    if (!r.enabled || !r.schedule) {
      await jobs.removeScheduler(schedulerId(r.id));
      return;
    }
    const data: TriggerPayload = { kind: 'trigger', reconciliationId: r.id };
    // Triggers are cheap and final: a second attempt would only find the same night queued.
    await jobs.upsertScheduler(schedulerId(r.id), { cron: r.schedule, timezone: r.timezone }, { queue: 'nightly', name: 'trigger', data, attempts: 3, backoffMs: 5000 });
  };
  return {
    sync,
    remove: (id) => jobs.removeScheduler(schedulerId(id)),
    nextRunAt: (id) => jobs.nextRun(schedulerId(id)),
    async syncAll(db, logger) {
      const rows = await listReconciliations(db);
      let scheduled = 0;
      for (const r of rows) {
        try {
          await sync(r);
          if (r.enabled && r.schedule) scheduled += 1;
        } catch (error) {
          // One bad schedule (stored before validation tightened) must not keep the others from running.
          logger.error({ err: error, reconciliationId: r.id, schedule: r.schedule }, 'could not register the reconciliation’s schedule');
        }
      }
      const wanted = new Set(rows.filter((r) => r.enabled && r.schedule).map((r) => schedulerId(r.id)));
      let removed = 0;
      for (const id of await jobs.schedulerIds()) {
        if (id.startsWith(PREFIX) && !wanted.has(id)) {
          await jobs.removeScheduler(id);
          removed += 1;
        }
      }
      return { scheduled, removed };
    },
  };
}
