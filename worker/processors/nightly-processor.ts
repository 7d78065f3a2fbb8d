/**
 * The nightly queue's three kinds of job:
 * - `trigger` (a schedule fired): works out the as-of date — yesterday in the
 *   reconciliation's zone — and adds the `run` job whose id is derived from
 *   reconciliation and date, so the same night is never run twice;
 * - `run`: imports files dropped in the configured folders, splits the run
 *   into partitions (a BullMQ flow: one child job per partition, the
 *   `finalize` parent after the last) or, unsplit, runs the graph here;
 * - `finalize`: sums the partitions' runs into the run's row.
 */
import { addDays } from '../../core/dates/iso-date.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { finalizeJobId, nightlyJobId, partitionJobId } from '../../core/jobs/job-ids.ts';
import { nightlyPayloadSchema, nightlyQueuePayloadSchema, type FinalizePayload, type NightlyPayload, type PartitionPayload } from '../../core/jobs/job-payloads.ts';
import { createDbRunStore } from '../../db/repositories/run-store.ts';
import { importDropFolder, type DropFolderResult } from '../drop-folder.ts';
import type { JobContext } from '../job-system.ts';
import { partitionsOf } from '../partition-records.ts';
import { dateInZone, partitionRunId, scheduledRunId } from '../run-ids.ts';
import { sumRuns } from './sum-runs.ts';
import type { ProcessorDeps } from './processor-deps.ts';
import { configuredReconciliation, runPartition } from './run-partition.ts';

/** A partition job is worth this many attempts: a dead worker's job comes back stalled, a dropped connection is retried. */
const PARTITION_ATTEMPTS = 3;

async function trigger(deps: ProcessorDeps, reconciliationId: string) {
  const row = await configuredReconciliation(deps, reconciliationId);
  const asOf = addDays(dateInZone(deps.clock(), row.timezone), -1);
  const payload: NightlyPayload = nightlyPayloadSchema.parse({ kind: 'run', reconciliationId, asOf, runId: scheduledRunId(reconciliationId, asOf) });
  const added = await deps.jobs.add({ queue: 'nightly', name: 'run', data: payload, jobId: nightlyJobId(reconciliationId, asOf) });
  deps.logger.info({ reconciliationId, asOf, runId: payload.runId, added: added.added }, added.added ? 'nightly run queued' : 'nightly run already queued for this date');
  return { asOf, runId: payload.runId, added: added.added };
}

async function run(deps: ProcessorDeps, job: JobContext, payload: NightlyPayload) {
  const row = await configuredReconciliation(deps, payload.reconciliationId);
  const mode = payload.mode ?? row.mode ?? deps.defaultMode;
  const drops: Partial<Record<'external' | 'internal', DropFolderResult>> = {};
  if (row.externalDropFolder) drops.external = await importDropFolder(deps.db.db, row.externalDropFolder, 'external', row.externalAccount, deps.logger);
  if (row.internalDropFolder) drops.internal = await importDropFolder(deps.db.db, row.internalDropFolder, 'internal', row.internalAccount, deps.logger);
  await job.progress({ runId: payload.runId, phase: 'load', done: 0, total: 1 });
  const partitions = await partitionsOf(deps.db.db, row);
  if (partitions.length === 1 && partitions[0]!.partition.kind === 'none') {
    const result = await runPartition(deps, job, row, { runId: payload.runId, progressRunId: payload.runId, asOf: payload.asOf, mode, partition: { kind: 'none' } });
    await job.progress({ runId: payload.runId, phase: 'done', done: result.summary.breaks, total: result.summary.breaks });
    return { runId: payload.runId, partitions: 1, breaks: result.summary.breaks, drops };
  }
  // The run's own row, running until its finalize job sums the partitions.
  await createDbRunStore(deps.db.db).startRun({ runId: payload.runId, reconciliationId: row.id, domain: row.domain, asOf: payload.asOf, mode, jobId: job.id });
  const children = partitions.map(({ key, partition }) => {
    const data: PartitionPayload = { reconciliationId: row.id, asOf: payload.asOf, parentRunId: payload.runId, runId: partitionRunId(payload.runId, key), key, partition, mode };
    return { queue: 'partition' as const, name: 'partition', data, jobId: partitionJobId(payload.runId, key), attempts: PARTITION_ATTEMPTS };
  });
  const finalize: FinalizePayload = { kind: 'finalize', reconciliationId: row.id, asOf: payload.asOf, runId: payload.runId, partitions: children.map((c) => ({ key: c.data.key, runId: c.data.runId })) };
  const flow = await deps.jobs.addFlow({ queue: 'nightly', name: 'finalize', data: finalize, jobId: finalizeJobId(payload.runId) }, children);
  deps.logger.info({ runId: payload.runId, partitions: children.length, added: flow.added }, 'run split into partitions');
  return { runId: payload.runId, partitions: children.length, drops };
}

async function finalize(deps: ProcessorDeps, job: JobContext, payload: FinalizePayload) {
  const totals = await sumRuns(deps.db.db, payload.partitions);
  await createDbRunStore(deps.db.db).finishRun(payload.runId, totals);
  await job.progress({ runId: payload.runId, phase: totals.status === 'completed' ? 'done' : 'failed', done: Number(totals.stats.breaks ?? 0), total: Number(totals.stats.breaks ?? 0) });
  deps.logger.info({ runId: payload.runId, status: totals.status, breaks: totals.stats.breaks }, 'partitioned run finished');
  return { runId: payload.runId, status: totals.status, breaks: totals.stats.breaks };
}

export function nightlyProcessor(deps: ProcessorDeps) {
  return async (job: JobContext): Promise<unknown> => {
    const payload = nightlyQueuePayloadSchema.parse(job.data);
    switch (payload.kind) {
      case 'trigger':
        return trigger(deps, payload.reconciliationId);
      case 'run':
        return run(deps, job, payload);
      case 'finalize':
        return finalize(deps, job, payload);
      default:
        throw new AppError('validation_failed', 'unknown nightly job kind');
    }
  };
}
