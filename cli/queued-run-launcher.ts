/**
 * The run launcher behind `POST /api/runs` when a Redis is configured: the
 * run is recorded as queued and handed to the nightly queue (job id from the
 * run id), and whichever worker takes it reports progress through the queue's
 * events, which are fanned out to the run's subscribers here. Without Redis
 * the in-process launcher (`run-launcher.ts`) runs it in the server itself.
 */
import { randomUUID } from 'node:crypto';
import type { RunLauncher, RunProgressEvent } from '../api/api-deps.ts';
import type { Config } from '../core/config/config-schema.ts';
import { AppError } from '../core/errors/app-error.ts';
import { requestedRunJobId } from '../core/jobs/job-ids.ts';
import { nightlyPayloadSchema } from '../core/jobs/job-payloads.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { reconciliationById } from '../db/repositories/reconciliations-repository.ts';
import { markRunFailed, queueRun } from '../db/repositories/runs-queue.ts';
import type { Logger } from '../monitoring/logger.ts';
import type { JobSystem } from '../worker/job-system.ts';

const PHASES = new Set<RunProgressEvent['phase']>(['queued', 'load', 'match', 'agents', 'persist', 'done', 'failed']);

export interface QueuedRunLauncher extends RunLauncher {
  close(): Promise<void>;
}

export function createQueuedRunLauncher(options: { config: Config; db: DatabaseHandle; logger: Logger; jobs: JobSystem; clock?: () => Date }): QueuedRunLauncher {
  const { db, logger, jobs, config } = options;
  const clock = options.clock ?? (() => new Date());
  const listeners = new Map<string, Set<(event: RunProgressEvent) => void>>();
  const forward = (_jobId: string, data: Record<string, unknown>) => {
    const runId = typeof data.runId === 'string' ? data.runId : undefined;
    const phase = data.phase as RunProgressEvent['phase'];
    if (!runId || !PHASES.has(phase)) return;
    const event: RunProgressEvent = { runId, phase, done: Number(data.done ?? 0), total: Number(data.total ?? 0), ...(typeof data.message === 'string' ? { message: data.message } : {}) };
    for (const listener of listeners.get(runId) ?? []) listener(event);
  };
  const offNightly = jobs.onProgress('nightly', forward);
  const offPartition = jobs.onProgress('partition', forward);
  return {
    async start(request) {
      const reconciliation = await reconciliationById(db.db, request.reconciliationId);
      if (!reconciliation) throw new AppError('not_found', `No reconciliation "${request.reconciliationId}"`);
      const runId = randomUUID();
      const mode = request.mode ?? reconciliation.mode ?? config.mode;
      await queueRun(db.db, { runId, reconciliationId: reconciliation.id, asOf: request.asOf, mode, requestedBy: request.requestedBy }, clock());
      const data = nightlyPayloadSchema.parse({ kind: 'run', reconciliationId: reconciliation.id, asOf: request.asOf, runId, mode, requestedBy: request.requestedBy });
      try {
        await jobs.add({ queue: 'nightly', name: 'run', data, jobId: requestedRunJobId(runId) });
      } catch (error) {
        await markRunFailed(db.db, runId, 'the job queue could not be reached', clock()).catch(() => {});
        throw new AppError('redis_unavailable', 'The job queue could not be reached; the run was not started', { cause: error });
      }
      logger.info({ runId, reconciliationId: reconciliation.id, asOf: request.asOf, mode }, 'run queued for a worker');
      return { runId };
    },
    subscribe(runId, listener) {
      const set = listeners.get(runId) ?? new Set();
      set.add(listener);
      listeners.set(runId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(runId);
      };
    },
    async close() {
      offNightly();
      offPartition();
      listeners.clear();
    },
  };
}
