/**
 * One graph run over one slice of a reconciliation's records, with the run
 * id as thread id: called again for the same run (a retry, or another worker
 * after this one died) it resumes from the checkpoint, and the store's
 * idempotent writes keep exceptions single.
 */
import { runBatch, type RunBatchResult } from '../../agents/run-batch.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { Partition } from '../../core/jobs/job-payloads.ts';
import { matchConfigSchema } from '../../core/match/match-config.ts';
import type { AgentMode } from '../../core/statuses.ts';
import { reconciliationById } from '../../db/repositories/reconciliations-repository.ts';
import type { Reconciliation } from '../../db/schema/reconciliations.ts';
import type { JobContext } from '../job-system.ts';
import { partitionRecords } from '../partition-records.ts';
import type { ProcessorDeps } from './processor-deps.ts';

/** The reconciliation, or an unrecoverable error: neither a missing row nor a bad configuration mends itself. */
export async function configuredReconciliation(deps: ProcessorDeps, id: string): Promise<Reconciliation> {
  const row = await reconciliationById(deps.db.db, id);
  if (!row) throw new AppError('not_found', `no reconciliation "${id}"`);
  const parsed = matchConfigSchema.safeParse(row.config);
  if (!parsed.success) throw new AppError('config_invalid', `reconciliation ${id} has an invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return row;
}

export interface PartitionRun {
  readonly runId: string;
  /** The run whose events the progress belongs to (the parent of a partition, else the run itself). */
  readonly progressRunId: string;
  readonly partitionKey?: string;
  readonly asOf: string;
  readonly mode: AgentMode;
  readonly partition: Partition;
}

export async function runPartition(deps: ProcessorDeps, job: JobContext, reconciliation: Reconciliation, run: PartitionRun): Promise<RunBatchResult> {
  const log = deps.logger.child({ jobId: job.id, runId: run.runId, ...(run.partitionKey ? { partition: run.partitionKey } : {}) });
  const progress = (p: { phase: string; done: number; total: number }) => {
    job.progress({ runId: run.progressRunId, ...(run.partitionKey ? { partition: run.partitionKey } : {}), ...p }).catch((error: unknown) => log.debug({ err: error }, 'progress not published'));
  };
  const wiring = await deps.wire(() => partitionRecords(deps.db.db, reconciliation, run.partition), log, progress);
  try {
    const result = await runBatch({
      deps: wiring.deps,
      settings: deps.settings(run.mode),
      checkpointer: wiring.checkpointer.saver,
      input: { runId: run.runId, reconciliationId: reconciliation.id, jobId: job.id, domain: reconciliation.domain, asOf: run.asOf, matchConfig: reconciliation.config },
      signal: job.signal,
    });
    log.info({ breaks: result.summary.breaks, resumed: result.resumed, durationMs: result.summary.durationMs }, 'run finished');
    return result;
  } finally {
    await wiring.close();
  }
}
