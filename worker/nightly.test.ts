/**
 * Nightly runs end to end on both job systems (in memory; BullMQ when
 * REDIS_URL is set) against the test database: schedules, duplicate
 * triggers, retries, invalid payloads, partitions and dropped files.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nightlyJobId } from '../core/jobs/job-ids.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { queueRun } from '../db/repositories/runs-queue.ts';
import { imports } from '../db/schema/imports.ts';
import { reconciliations } from '../db/schema/reconciliations.ts';
import { runs } from '../db/schema/runs.ts';
import { createLogger } from '../monitoring/logger.ts';
import { caseSides } from '../agents/testing/case-batch.ts';
import { generateCases } from '../test/generated-cases.ts';
import { openTestDatabase } from '../test/test-db.ts';
import { testEnv } from '../test/test-env.ts';
import { startJobRuntime, type JobRuntime } from './job-runtime.ts';
import type { JobSystem } from './job-system.ts';
import { reconciliationScheduler } from './reconciliation-schedules.ts';
import { scheduledRunId } from './run-ids.ts';
import { eventually, jobSystemVariants } from './testing/job-systems.ts';
import { exceptionSignatures, seedReconciliation, sidesByCurrency } from './testing/seed-records.ts';
import { testWiring, type TestWiring } from './testing/test-wiring.ts';

const logger = createLogger({ level: 'silent' });
const cases = generateCases({ cases: 3, seed: 8, breaksPerCase: 5, matchesPerCase: 6 }).map(caseSides);
const CURRENCIES = ['EUR', 'USD', 'GBP'];
let db: DatabaseHandle;
let wiring: TestWiring;
let seq = 0;

beforeAll(async () => {
  db = await openTestDatabase();
  wiring = await testWiring(db);
});
afterAll(async () => {
  await wiring.close();
  await db.close();
});

/** A fresh reconciliation with its own accounts and records. */
async function reconciliation(fields: { partitionBy?: 'none' | 'currency'; schedule?: string; externalDropFolder?: string } = {}) {
  const id = `nightly-${++seq}-${Math.random().toString(36).slice(2, 7)}`;
  const accounts = { external: `BANK-${id}`, internal: `GL-${id}` };
  await seedReconciliation(db.db, { id, name: id, externalAccount: accounts.external, internalAccount: accounts.internal, timezone: 'Europe/Berlin', ...fields }, sidesByCurrency(cases, CURRENCIES, id, accounts));
  return id;
}

const runsOf = (id: string) => db.db.select().from(runs).where(eq(runs.reconciliationId, id));

for (const variant of jobSystemVariants(testEnv)) {
  describe.skipIf(variant.skip !== undefined)(`nightly runs on the ${variant.name} job system${variant.skip ? ` (${variant.skip})` : ''}`, () => {
    let jobs: JobSystem;
    let runtime: JobRuntime;
    const start = () => {
      jobs = variant.create();
      runtime = startJobRuntime({ db, jobs, logger, wire: wiring.wire, settings: wiring.settings, defaultMode: 'rules', clock: () => new Date(), concurrency: 2 });
    };
    afterEach(async () => {
      await runtime?.close();
      await jobs?.close();
    });

    it('a scheduler firing every second produces exactly one run for the night', async () => {
      start();
      const id = await reconciliation({ schedule: '* * * * * *' });
      const schedules = reconciliationScheduler(jobs);
      expect(await schedules.syncAll(db.db, logger)).toMatchObject({ scheduled: expect.any(Number) });
      expect(await schedules.nextRunAt(id)).toBeInstanceOf(Date);
      const [run] = await eventually(async () => {
        const rows = await runsOf(id);
        return rows.length > 0 && rows.every((r) => r.status === 'completed') ? rows : undefined;
      }, 20_000, 'the scheduled run');
      // Let it fire a few more times: the same night is not run again.
      await new Promise((r) => setTimeout(r, 2500));
      await schedules.remove(id);
      expect(await schedules.nextRunAt(id)).toBeNull();
      const rows = await runsOf(id);
      expect(rows).toHaveLength(1);
      expect(run!.id).toBe(scheduledRunId(id, run!.asOf));
      // The as-of date is yesterday in the reconciliation's zone.
      const berlin = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() - 86_400_000));
      expect(run!.asOf).toBe(berlin);
    });

    it('ignores a duplicate trigger of the same night', async () => {
      start();
      const id = await reconciliation();
      const runId = scheduledRunId(id, '2026-10-31');
      const job = { queue: 'nightly' as const, name: 'run', data: { kind: 'run', reconciliationId: id, asOf: '2026-10-31', runId }, jobId: nightlyJobId(id, '2026-10-31') };
      expect((await jobs.add(job)).added).toBe(true);
      expect((await jobs.add(job)).added).toBe(false);
      await eventually(async () => ((await jobs.job('nightly', job.jobId))?.state === 'completed' ? true : undefined));
      expect((await jobs.add(job)).added).toBe(false);
      await new Promise((r) => setTimeout(r, 300));
      expect((await runsOf(id)).map((r) => [r.id, r.status])).toEqual([[runId, 'completed']]);
    });

    it('retries a transient failure and succeeds; fails an invalid payload and a missing reconciliation at once', async () => {
      start();
      const id = await reconciliation();
      wiring.failNext(1);
      const runId = scheduledRunId(id, '2026-11-01');
      await jobs.add({ queue: 'nightly', name: 'run', data: { kind: 'run', reconciliationId: id, asOf: '2026-11-01', runId }, jobId: nightlyJobId(id, '2026-11-01'), backoffMs: 100 });
      const done = await eventually(async () => {
        const j = await jobs.job('nightly', nightlyJobId(id, '2026-11-01'));
        return j?.state === 'completed' || j?.state === 'failed' ? j : undefined;
      });
      expect(done).toMatchObject({ state: 'completed', attemptsMade: 2 });
      expect((await runsOf(id)).map((r) => r.status)).toEqual(['completed']);

      await jobs.add({ queue: 'nightly', name: 'run', data: { kind: 'run', reconciliationId: id, asOf: '1.11.2026', runId: 'x' }, jobId: 'bad-payload', backoffMs: 100 });
      await jobs.add({ queue: 'nightly', name: 'run', data: { kind: 'run', reconciliationId: 'gone', asOf: '2026-11-01', runId: randomUUID() }, jobId: 'no-reconciliation', backoffMs: 100 });
      for (const [jobId, reason] of [['bad-payload', /invalid payload: .*asOf/], ['no-reconciliation', /no reconciliation "gone"/]] as const) {
        const failed = await eventually(async () => {
          const j = await jobs.job('nightly', jobId);
          return j?.state === 'failed' ? j : undefined;
        });
        expect(failed.attemptsMade).toBe(1);
        expect(failed.failedReason).toMatch(reason);
      }
    });

    it('marks a run failed at once with the reason when its reconciliation’s configuration is invalid', async () => {
      start();
      const id = await reconciliation();
      await db.db.update(reconciliations).set({ config: { dateWindowDays: 'soon' } }).where(eq(reconciliations.id, id));
      const runId = randomUUID();
      await queueRun(db.db, { runId, reconciliationId: id, asOf: '2026-11-02', mode: 'rules', requestedBy: 'system' }, new Date());
      await jobs.add({ queue: 'nightly', name: 'run', data: { kind: 'run', reconciliationId: id, asOf: '2026-11-02', runId }, jobId: `run.${runId}`, backoffMs: 100 });
      const row = await eventually(async () => {
        const [r] = await db.db.select().from(runs).where(eq(runs.id, runId));
        return r?.status === 'failed' ? r : undefined;
      });
      expect(row.error).toMatch(/invalid configuration: dateWindowDays/);
      expect((await jobs.job('nightly', `run.${runId}`))?.attemptsMade).toBe(1);
    });

    it('splits a run per currency into child jobs whose merged exceptions equal the whole run’s', async () => {
      start();
      const whole = await reconciliation();
      const split = await reconciliation({ partitionBy: 'currency' });
      for (const id of [whole, split]) await jobs.add({ queue: 'nightly', name: 'run', data: { kind: 'run', reconciliationId: id, asOf: '2026-10-31', runId: scheduledRunId(id, '2026-10-31') }, jobId: nightlyJobId(id, '2026-10-31') });
      const parentId = scheduledRunId(split, '2026-10-31');
      const parent = await eventually(async () => {
        const [row] = await db.db.select().from(runs).where(eq(runs.id, parentId));
        return row?.status === 'completed' ? row : undefined;
      }, 30_000, 'the partitioned run');
      const wholeRun = await eventually(async () => {
        const [row] = await runsOf(whole);
        return row?.status === 'completed' ? row : undefined;
      });
      const partitions = parent.stats.partitions as { key: string; runId: string; status: string; breaks: number }[];
      expect(partitions.map((p) => [p.key, p.status])).toEqual([['currency=EUR', 'completed'], ['currency=GBP', 'completed'], ['currency=USD', 'completed']]);
      const merged = await exceptionSignatures(db.db, partitions.map((p) => p.runId));
      expect(merged.length).toBeGreaterThan(10);
      expect(merged).toEqual(await exceptionSignatures(db.db, [wholeRun.id]));
      expect(parent.stats.breaks).toBe(merged.length);
      expect(parent.stats.breaks).toBe(wholeRun.stats.breaks);
    });

    it('imports files dropped in the folder before the run, once', async () => {
      start();
      const folder = await mkdtemp(join(tmpdir(), 'recon-drop-'));
      try {
        const id = await reconciliation({ externalDropFolder: folder });
        await writeFile(join(folder, 'statement-1.csv'), `Booking Date,Amount,Currency,Reference,Counterparty,Description\n2026-10-30,125.00,EUR,DROP-${id},Acme GmbH,Dropped payment\n`);
        await writeFile(join(folder, 'broken.csv'), 'Booking Date,Amount\nyesterday,lots\n');
        for (const asOf of ['2026-10-30', '2026-10-31']) await jobs.add({ queue: 'nightly', name: 'run', data: { kind: 'run', reconciliationId: id, asOf, runId: scheduledRunId(id, asOf) }, jobId: nightlyJobId(id, asOf) });
        // Both nights may run at once: one of them imports the file, the other finds it imported.
        const results = await eventually(async () => {
          const both = await Promise.all(['2026-10-30', '2026-10-31'].map((asOf) => jobs.job('nightly', nightlyJobId(id, asOf))));
          return both.every((j) => j?.state === 'completed') ? both.map((j) => (j!.returnValue as { drops: { external: { imported: { file: string; records: number }[]; alreadyImported: number; refused: { file: string }[] } } }).drops.external) : undefined;
        }, 20_000);
        expect(results.flatMap((r) => r.imported)).toEqual([expect.objectContaining({ file: 'statement-1.csv', records: 1 })]);
        expect(results.map((r) => r.alreadyImported).sort()).toEqual([0, 1]);
        expect(results.map((r) => r.refused.map((f) => f.file))).toEqual([['broken.csv'], ['broken.csv']]);
        expect(await db.db.select().from(imports).where(and(eq(imports.fileName, 'statement-1.csv'), eq(imports.account, `BANK-${id}`)))).toHaveLength(1);
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    });
  });
}
