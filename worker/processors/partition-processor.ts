/** The partition queue: one graph run over one slice of a nightly run; its failure, once final, fails the parent run. */
import { partitionPayloadSchema } from '../../core/jobs/job-payloads.ts';
import { markRunFailed } from '../../db/repositories/runs-queue.ts';
import { failureReason } from '../job-failure.ts';
import type { JobContext } from '../job-system.ts';
import type { ProcessorDeps } from './processor-deps.ts';
import { configuredReconciliation, runPartition } from './run-partition.ts';

export function partitionProcessor(deps: ProcessorDeps) {
  return async (job: JobContext): Promise<unknown> => {
    const payload = partitionPayloadSchema.parse(job.data);
    const row = await configuredReconciliation(deps, payload.reconciliationId);
    const result = await runPartition(deps, job, row, { runId: payload.runId, progressRunId: payload.parentRunId, partitionKey: payload.key, asOf: payload.asOf, mode: payload.mode, partition: payload.partition });
    return { runId: payload.runId, key: payload.key, breaks: result.summary.breaks, resumed: result.resumed };
  };
}

/** A partition that will not complete: the run it belongs to is marked failed with the reason (its finalize job never runs). */
export function partitionFailed(deps: ProcessorDeps) {
  return async (job: JobContext, error: unknown): Promise<void> => {
    const parsed = partitionPayloadSchema.safeParse(job.data);
    if (!parsed.success) return;
    const reason = `partition ${parsed.data.key} failed: ${failureReason(error)}`;
    deps.logger.error({ runId: parsed.data.parentRunId, partition: parsed.data.key, jobId: job.id, reason }, 'partition failed');
    await markRunFailed(deps.db.db, parsed.data.parentRunId, reason, deps.clock()).catch((e: unknown) => deps.logger.error({ err: e }, 'could not mark the run failed'));
  };
}
