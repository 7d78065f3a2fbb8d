/**
 * The apply queue: carries out an approved decision. The API applies in the
 * approval's transaction; this processor is for what should not hold a
 * request — retrying `apply_failed` exceptions, and approvals queued in async
 * mode. Idempotent by decision: the job id is the decision's, effects are
 * keyed by it, and an exception already applied counts as done.
 */
import { isAppError } from '../../core/errors/app-error.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { applyJobId } from '../../core/jobs/job-ids.ts';
import { applyPayloadSchema, type ApplyPayload } from '../../core/jobs/job-payloads.ts';
import { applyException } from '../../db/repositories/apply-repository.ts';
import { exceptions } from '../../db/schema/exceptions.ts';
import { eq } from 'drizzle-orm';
import type { JobSystem } from '../job-system.ts';
import type { JobContext } from '../job-system.ts';
import type { ProcessorDeps } from './processor-deps.ts';

export async function enqueueApply(jobs: JobSystem, payload: ApplyPayload): Promise<{ jobId: string; added: boolean }> {
  const data = applyPayloadSchema.parse(payload);
  const jobId = applyJobId(data.decisionId);
  const { added } = await jobs.add({ queue: 'apply', name: 'apply', data, jobId, attempts: 5, backoffMs: 1000 });
  return { jobId, added };
}

export function applyProcessor(deps: Pick<ProcessorDeps, 'db' | 'logger' | 'clock'>) {
  return async (job: JobContext): Promise<unknown> => {
    const payload = applyPayloadSchema.parse(job.data);
    try {
      const outcome = await applyException(deps.db.db, { exceptionId: payload.exceptionId, actorId: payload.actorId, now: deps.clock() });
      if (outcome.status === 'apply_failed') throw new AppError('conflict', `apply failed: ${outcome.reason}`, { details: { exceptionId: payload.exceptionId } });
      deps.logger.info({ exceptionId: payload.exceptionId, decisionId: outcome.decisionId, jobId: job.id }, 'decision applied');
      return { status: 'applied', decisionId: outcome.decisionId, adjustmentId: outcome.adjustmentId };
    } catch (error) {
      // Applied already (an earlier attempt, or the API's own transaction): done, not a failure.
      if (isAppError(error) && error.code === 'illegal_transition') {
        const [row] = await deps.db.db.select({ status: exceptions.status }).from(exceptions).where(eq(exceptions.id, payload.exceptionId));
        if (row?.status === 'applied') return { status: 'applied', already: true };
      }
      throw error;
    }
  };
}
