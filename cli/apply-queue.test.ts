/** RECON_APPLY_MODE=queue: approvals through the API commit as approved and the apply queue applies them, once per decision — on both job systems. */
import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app.ts';
import { testCaller, type TestCaller } from '../api/testing/test-auth.ts';
import { testApiDeps } from '../api/testing/test-deps.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { seedException } from '../db/testing/review-test-data.ts';
import { adjustments } from '../db/schema/adjustments.ts';
import { exceptions } from '../db/schema/exceptions.ts';
import { createLogger } from '../monitoring/logger.ts';
import { openTestDatabase } from '../test/test-db.ts';
import { testEnv } from '../test/test-env.ts';
import type { JobSystem, WorkerHandle } from '../worker/job-system.ts';
import { applyProcessor } from '../worker/processors/apply-processor.ts';
import { eventually, jobSystemVariants } from '../worker/testing/job-systems.ts';
import { jobApplyQueue } from './apply-queue.ts';

const logger = createLogger({ level: 'silent' });
let db: DatabaseHandle;
let approver: TestCaller;

beforeAll(async () => {
  db = await openTestDatabase();
  approver = await testCaller(db.db, 'approver');
});
afterAll(async () => {
  await db.close();
});

const statusOf = async (ids: readonly string[]) => (await db.db.select({ id: exceptions.id, status: exceptions.status }).from(exceptions).where(inArray(exceptions.id, [...ids]))).map((r) => r.status);
const adjustmentsOf = async (ids: readonly string[]) => (await db.db.select({ n: count() }).from(adjustments).where(inArray(adjustments.exceptionId, [...ids])))[0]!.n;

for (const variant of jobSystemVariants(testEnv)) {
  describe.skipIf(variant.skip !== undefined)(`approvals with the apply queue on the ${variant.name} job system${variant.skip ? ` (${variant.skip})` : ''}`, () => {
    let jobs: JobSystem;
    let worker: WorkerHandle | undefined;
    afterEach(async () => {
      await worker?.close();
      await jobs?.close();
    });

    it('answers an approval with the apply queued, then the queue applies it once', async () => {
      jobs = variant.create();
      const app = createApp(testApiDeps(db, { applies: jobApplyQueue(jobs) }));
      const x = await seedException(db.db, 'fee');
      const res = await app.request(`/api/exceptions/${x.id}/approve`, { method: 'POST', headers: approver.headers, body: '{}' });
      expect(res.status, await res.clone().text()).toBe(200);
      const body = (await res.json()) as { exception: { status: string }; decision: { id: string }; apply: { status: string; decisionId: string } };
      expect(body.apply).toEqual({ status: 'queued', decisionId: body.decision.id });
      // Nothing applied yet: no worker took the job.
      expect(await statusOf([x.id])).toEqual(['approved']);
      expect(await adjustmentsOf([x.id])).toBe(0);
      worker = jobs.work('apply', applyProcessor({ db, logger, clock: () => new Date() }), { concurrency: 1 });
      await eventually(async () => ((await statusOf([x.id]))[0] === 'applied' ? true : undefined));
      expect(await adjustmentsOf([x.id])).toBe(1);
      // The same decision queued again is the same job: nothing more happens.
      await jobApplyQueue(jobs).enqueue([{ exceptionId: x.id, decisionId: body.decision.id, actorId: approver.userId }]);
      expect(await adjustmentsOf([x.id])).toBe(1);
    });

    it('queues every approval of a bulk approval, each applied by the queue', async () => {
      jobs = variant.create();
      worker = jobs.work('apply', applyProcessor({ db, logger, clock: () => new Date() }), { concurrency: 2 });
      const app = createApp(testApiDeps(db, { applies: jobApplyQueue(jobs) }));
      const seeded = await Promise.all([seedException(db.db, 'fee'), seedException(db.db, 'fee'), seedException(db.db, 'fee')]);
      const ids = seeded.map((s) => s.id);
      const res = await app.request('/api/decisions/bulk-approve', { method: 'POST', headers: approver.headers, body: JSON.stringify({ ids }) });
      expect(res.status, await res.clone().text()).toBe(200);
      const body = (await res.json()) as { approved: { id: string; apply?: { status: string } }[] };
      expect(body.approved.map((a) => a.apply?.status)).toEqual(['queued', 'queued', 'queued']);
      await eventually(async () => ((await statusOf(ids)).every((s) => s === 'applied') ? true : undefined));
      expect(await adjustmentsOf(ids)).toBe(3);
      expect((await db.db.select({ status: exceptions.status }).from(exceptions).where(eq(exceptions.id, ids[0]!)))[0]!.status).toBe('applied');
    });
  });
}
