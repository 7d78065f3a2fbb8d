/** POST /api/runs through the queue, on both job systems: the run is queued, a worker runtime takes it, its progress streams to the caller. */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app.ts';
import { testCaller, type TestCaller } from '../api/testing/test-auth.ts';
import { testApiDeps } from '../api/testing/test-deps.ts';
import { caseSides } from '../agents/testing/case-batch.ts';
import { parseConfig } from '../core/config/config-schema.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { storeImport } from '../db/repositories/imports-repository.ts';
import { exceptions } from '../db/schema/exceptions.ts';
import { reconciliations } from '../db/schema/reconciliations.ts';
import { runs } from '../db/schema/runs.ts';
import { createLogger } from '../monitoring/logger.ts';
import { generateCases } from '../test/generated-cases.ts';
import { readSse } from '../test/sse-events.ts';
import { openTestDatabase } from '../test/test-db.ts';
import { testEnv } from '../test/test-env.ts';
import { startJobRuntime, type JobRuntime } from '../worker/job-runtime.ts';
import type { JobSystem } from '../worker/job-system.ts';
import { jobSystemVariants } from '../worker/testing/job-systems.ts';
import { testWiring, type TestWiring } from '../worker/testing/test-wiring.ts';
import { createQueuedRunLauncher, type QueuedRunLauncher } from './queued-run-launcher.ts';

const config = parseConfig({ RECON_DATA_DIR: 'memory://', LOG_LEVEL: 'silent' });
const logger = createLogger({ level: 'silent' });
const [batch] = generateCases({ cases: 1, seed: 12, breaksPerCase: 6, matchesPerCase: 5 });
let db: DatabaseHandle;
let approver: TestCaller;
let wiring: TestWiring;

beforeAll(async () => {
  db = await openTestDatabase();
  approver = await testCaller(db.db, 'approver');
  wiring = await testWiring(db);
  const sides = caseSides(batch!);
  await db.db.insert(reconciliations).values({ id: 'queued', name: 'Queued', externalAccount: 'Q-BANK', internalAccount: 'Q-GL' });
  await storeImport(db.db, { format: 'json', side: 'external', account: 'Q-BANK', fileName: 'bank.json', sha256: randomUUID(), records: sides.external.map((r) => ({ ...r, id: `q:${r.id}`, account: 'Q-BANK' })) });
  await storeImport(db.db, { format: 'json', side: 'internal', account: 'Q-GL', fileName: 'books.json', sha256: randomUUID(), records: sides.internal.map((r) => ({ ...r, id: `q:${r.id}`, account: 'Q-GL' })) });
});
afterAll(async () => {
  await wiring.close();
  await db.close();
});

for (const variant of jobSystemVariants(testEnv)) {
  describe.skipIf(variant.skip !== undefined)(`the queued run launcher on the ${variant.name} job system${variant.skip ? ` (${variant.skip})` : ''}`, () => {
    let jobs: JobSystem;
    let runtime: JobRuntime;
    let launcher: QueuedRunLauncher;
    afterEach(async () => {
      await launcher?.close();
      await runtime?.close();
      await jobs?.close();
    });

    it('queues the run, a worker runs it, and its events stream to done', async () => {
      jobs = variant.create();
      runtime = startJobRuntime({ db, jobs, logger, wire: wiring.wire, settings: wiring.settings, defaultMode: 'rules', clock: () => new Date(), concurrency: 1 });
      launcher = createQueuedRunLauncher({ config, db, logger, jobs });
      const app = createApp(testApiDeps(db, { runs: launcher }));
      const started = await app.request('/api/runs', { method: 'POST', headers: approver.headers, body: JSON.stringify({ reconciliationId: 'queued', asOf: batch!.asOf }) });
      expect(started.status).toBe(202);
      const { runId } = (await started.json()) as { runId: string };
      const events = await readSse(await app.request(`/api/runs/${runId}/events`, { headers: approver.headers }));
      expect(events.at(-1)!.event).toBe('done');
      const [row] = await db.db.select().from(runs).where(eq(runs.id, runId));
      expect(row).toMatchObject({ status: 'completed', jobId: `run.${runId}` });
      const stored = await db.db.select({ id: exceptions.id }).from(exceptions).where(eq(exceptions.runId, runId));
      expect(stored.length).toBe(row!.stats.breaks);
      await expect(launcher.start({ reconciliationId: 'nope', asOf: batch!.asOf, requestedBy: approver.userId })).rejects.toMatchObject({ code: 'not_found' });
    });
  });
}
