/** Apply jobs on both job systems: a failed apply retried by the queue happens once, by decision. */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.ts';
import { approveAndApply } from '../../db/repositories/decisions-approval-flow.ts';
import { createUser } from '../../db/repositories/users-repository.ts';
import { adjustments } from '../../db/schema/adjustments.ts';
import { decisions } from '../../db/schema/decisions.ts';
import { exceptions } from '../../db/schema/exceptions.ts';
import { records } from '../../db/schema/records.ts';
import { seedException } from '../../db/testing/review-test-data.ts';
import { createLogger } from '../../monitoring/logger.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import { testEnv } from '../../test/test-env.ts';
import type { JobSystem, WorkerHandle } from '../job-system.ts';
import { eventually, jobSystemVariants } from '../testing/job-systems.ts';
import { applyProcessor, enqueueApply } from './apply-processor.ts';

const NOW = new Date('2026-11-02T09:00:00.000Z');
const logger = createLogger({ level: 'silent' });
let db: DatabaseHandle;
let approverId: string;

beforeAll(async () => {
  db = await openTestDatabase();
  approverId = (await createUser(db.db, { email: 'apply-queue@example.test', name: 'Approver', role: 'approver' })).id;
});
afterAll(async () => {
  await db.close();
});

for (const variant of jobSystemVariants(testEnv)) {
  describe.skipIf(variant.skip !== undefined)(`apply jobs on the ${variant.name} job system${variant.skip ? ` (${variant.skip})` : ''}`, () => {
    let jobs: JobSystem;
    let worker: WorkerHandle;
    afterEach(async () => {
      await worker?.close();
      await jobs?.close();
    });

    it('applies an apply_failed exception once its books are back, once per decision', async () => {
      jobs = variant.create();
      worker = jobs.work('apply', applyProcessor({ db, logger, clock: () => NOW }), { concurrency: 1 });
      const x = await seedException(db.db, 'sign_error');
      const internalId = x.internal[0]!.id;
      await db.db.update(records).set({ supersededAt: NOW }).where(eq(records.id, internalId));
      const first = await approveAndApply(db.db, { exceptionId: x.id, actorId: approverId, now: NOW });
      expect(first.apply).toMatchObject({ status: 'apply_failed' });
      const [decision] = await db.db.select({ id: decisions.id }).from(decisions).where(and(eq(decisions.exceptionId, x.id), eq(decisions.kind, 'approve')));
      const decisionId = decision!.id;

      // Still broken: the job fails at once with the reason (a refused plan is not transient).
      const refused = await enqueueApply(jobs, { exceptionId: x.id, decisionId, actorId: approverId });
      const failed = await eventually(async () => {
        const j = await jobs.job('apply', refused.jobId);
        return j?.state === 'failed' ? j : undefined;
      });
      expect(failed).toMatchObject({ attemptsMade: 1, failedReason: expect.stringContaining('apply failed') });

      await db.db.update(records).set({ supersededAt: null }).where(eq(records.id, internalId));
      // The failed job of this decision is still there, so the retry goes under the job system's own add with a new attempt id.
      const retryId = `${refused.jobId}.retry`;
      await jobs.add({ queue: 'apply', name: 'apply', data: { exceptionId: x.id, decisionId, actorId: approverId }, jobId: retryId });
      const done = await eventually(async () => {
        const j = await jobs.job('apply', retryId);
        return j?.state === 'completed' ? j : undefined;
      });
      expect(done.returnValue).toMatchObject({ status: 'applied', decisionId });
      // Applied already: another job for it is done without a second effect.
      await jobs.add({ queue: 'apply', name: 'apply', data: { exceptionId: x.id, decisionId, actorId: null }, jobId: `${refused.jobId}.again` });
      const again = await eventually(async () => {
        const j = await jobs.job('apply', `${refused.jobId}.again`);
        return j?.state === 'completed' ? j : undefined;
      });
      expect(again.returnValue).toMatchObject({ status: 'applied', already: true });
      expect((await enqueueApply(jobs, { exceptionId: x.id, decisionId, actorId: approverId })).added).toBe(false);
      expect((await db.db.select().from(exceptions).where(eq(exceptions.id, x.id)))[0]!.status).toBe('applied');
      expect((await db.db.select({ n: count() }).from(adjustments).where(eq(adjustments.exceptionId, x.id)))[0]!.n).toBe(1);
    });
  });
}
