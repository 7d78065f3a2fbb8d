/**
 * `recon worker` as real processes on PostgreSQL and Redis: two workers share
 * a partitioned run and get what one worker gets; SIGTERM during a job
 * finishes it before exiting; a worker killed with SIGKILL mid-run leaves its
 * job stalled, and another worker resumes the run from its checkpoint with no
 * exception written twice. The LLM is the fake server with a delay, so runs
 * last long enough to be interrupted.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseSides } from '../../agents/testing/case-batch.ts';
import { nightlyJobId } from '../../core/jobs/job-ids.ts';
import { createDatabase, MEMORY_DATA_DIR, type DatabaseHandle } from '../../db/client.ts';
import { runMigrations } from '../../db/migrate.ts';
import { exceptions } from '../../db/schema/exceptions.ts';
import { runs } from '../../db/schema/runs.ts';
import { startFakeLlm, type FakeLlmServer } from '../../test/fake-llm/fake-llm-server.ts';
import { reconResponder } from '../../test/fake-llm/recon-responder.ts';
import { generateCases } from '../../test/generated-cases.ts';
import { startRecon } from '../../test/recon-process.ts';
import { createScratchDatabaseUrl } from '../../test/scratch-database.ts';
import { testEnv } from '../../test/test-env.ts';
import { createBullmqJobSystem } from '../../worker/bullmq-job-system.ts';
import type { JobSystem } from '../../worker/job-system.ts';
import { scheduledRunId } from '../../worker/run-ids.ts';
import { dropPrefix, eventually, uniquePrefix } from '../../worker/testing/job-systems.ts';
import { exceptionSignatures, seedReconciliation, sidesByCurrency } from '../../worker/testing/seed-records.ts';

const services = testEnv.databaseUrl && testEnv.redisUrl;
if (!services && testEnv.requireServices) throw new Error('DATABASE_URL and REDIS_URL must be set when RECON_REQUIRE_SERVICES=1: worker processes share PostgreSQL and Redis');
const SKIP = services ? undefined : 'DATABASE_URL and REDIS_URL are not both set: worker processes need PostgreSQL and Redis (the in-process job system is tested in worker/)';

const cases = generateCases({ cases: 3, seed: 21, breaksPerCase: 5, matchesPerCase: 4 }).map(caseSides);
const AS_OF = '2026-10-31';

describe.skipIf(SKIP !== undefined)(`recon worker processes${SKIP ? ` (${SKIP})` : ''}`, () => {
  let scratch: { url: string | undefined; drop(): Promise<void> };
  let db: DatabaseHandle;
  let llm: FakeLlmServer;
  let jobs: JobSystem;
  let dataDir: string;
  const prefix = uniquePrefix();
  const workers: { child: ReturnType<typeof startRecon>['child']; done: ReturnType<typeof startRecon>['done']; output: () => string }[] = [];

  beforeAll(async () => {
    scratch = await createScratchDatabaseUrl();
    db = await createDatabase({ databaseUrl: scratch.url!, dataDir: MEMORY_DATA_DIR, max: 4 });
    await runMigrations(db);
    llm = await startFakeLlm({ responder: reconResponder(), latencyMs: 120 });
    jobs = createBullmqJobSystem({ redisUrl: testEnv.redisUrl!, prefix });
    dataDir = await mkdtemp(join(tmpdir(), 'recon-worker-'));
  }, 60_000);
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.done.catch(() => undefined)));
    await jobs?.close();
    await dropPrefix(testEnv.redisUrl!, prefix);
    await llm?.close();
    await db?.close();
    await scratch?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Starts `recon worker` and resolves once it says it is ready. */
  async function startWorker() {
    const started = startRecon(['worker'], {
      DATABASE_URL: scratch.url!,
      REDIS_URL: testEnv.redisUrl!,
      RECON_QUEUE_PREFIX: prefix,
      RECON_JOB_LOCK_MS: '2000',
      RECON_WORKER_METRICS_PORT: '0',
      WORKER_CONCURRENCY: '1',
      RECON_DATA_DIR: dataDir,
      LLM_BASE_URL: llm.baseUrl,
      RECON_MODE: 'llm',
      RECON_LLM_BATCH_SIZE: '2',
      LLM_CONCURRENCY: '1',
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
    });
    let output = '';
    started.child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    started.child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const worker = { ...started, output: () => output };
    workers.push(worker);
    await eventually(async () => (output.includes('"worker ready"') ? true : started.child.exitCode !== null ? Promise.reject(new Error(`worker exited: ${output}`)) : undefined), 60_000, 'the worker to be ready');
    return worker;
  }

  async function reconciliation(id: string, partitionBy: 'none' | 'currency') {
    const accounts = { external: `BANK-${id}`, internal: `GL-${id}` };
    await seedReconciliation(db.db, { id, name: id, externalAccount: accounts.external, internalAccount: accounts.internal, partitionBy }, sidesByCurrency(cases, ['EUR', 'USD', 'GBP'], id, accounts));
    const runId = scheduledRunId(id, AS_OF);
    await jobs.add({ queue: 'nightly', name: 'run', data: { kind: 'run', reconciliationId: id, asOf: AS_OF, runId }, jobId: nightlyJobId(id, AS_OF) });
    return runId;
  }

  const finished = (runId: string, timeoutMs = 120_000) =>
    eventually(async () => {
      const [row] = await db.db.select().from(runs).where(eq(runs.id, runId));
      return row && (row.status === 'completed' || row.status === 'failed') ? row : undefined;
    }, timeoutMs, `run ${runId} to finish`);

  async function stop(worker: (typeof workers)[number]) {
    worker.child.kill('SIGTERM');
    return worker.done;
  }

  it('two workers share a partitioned run, and its merged result equals one worker’s', async () => {
    const single = await startWorker();
    const one = await finished(await reconciliation('one-worker', 'currency'));
    expect((await stop(single)).code).toBe(0);
    const [a, b] = [await startWorker(), await startWorker()];
    const two = await finished(await reconciliation('two-workers', 'currency'));
    expect([one.status, two.status]).toEqual(['completed', 'completed']);
    const runIdsOf = (row: typeof one) => (row.stats.partitions as { runId: string }[]).map((p) => p.runId);
    const merged = await exceptionSignatures(db.db, runIdsOf(two));
    expect(merged.length).toBeGreaterThan(10);
    expect(merged).toEqual(await exceptionSignatures(db.db, runIdsOf(one)));
    // Both processes took part: each finished at least one partition.
    const partitionsDone = (w: typeof a) => w.output().match(/"partition":"currency=[A-Z]{3}".*"run finished"/g)?.length ?? 0;
    await eventually(async () => (partitionsDone(a) + partitionsDone(b) === 3 ? true : undefined), 10_000, 'both workers’ log lines');
    for (const w of [a, b]) expect(partitionsDone(w)).toBeGreaterThanOrEqual(1);
    await Promise.all([stop(a), stop(b)]);
  }, 240_000);

  it('SIGTERM during a job finishes it before the worker exits', async () => {
    const worker = await startWorker();
    const before = llm.requestCount;
    const runId = await reconciliation('sigterm', 'none');
    await eventually(async () => (llm.requestCount > before ? true : undefined), 60_000, 'the run to reach the LLM');
    // Its own /metrics port (0 in the test: a free one, named in the ready line) serves the queue metrics.
    const port = Number(/"metricsPort":(\d+)/.exec(worker.output())![1]);
    const scrape = await eventually(async () => {
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      return /recon_queue_depth\{queue="recon-nightly",state="active"\}/.test(text) ? text : undefined;
    }, 10_000, 'the queue depth on the worker’s /metrics');
    expect(scrape).toContain('# TYPE recon_job_duration_seconds histogram');
    const exit = await stop(worker);
    expect(exit.code).toBe(0);
    const [row] = await db.db.select().from(runs).where(eq(runs.id, runId));
    expect(row!.status).toBe('completed');
    expect((await jobs.job('nightly', nightlyJobId('sigterm', AS_OF)))?.state).toBe('completed');
    expect(worker.output()).toContain('worker stopping');
  }, 180_000);

  it('a worker killed mid-run is taken over: the run resumes and completes with no exception twice', async () => {
    const killed = await startWorker();
    const before = llm.requestCount;
    const runId = await reconciliation('sigkill', 'none');
    await eventually(async () => (llm.requestCount >= before + 6 ? true : undefined), 60_000, 'the run to be well into its LLM calls');
    killed.child.kill('SIGKILL');
    expect((await killed.done).signal).toBe('SIGKILL');
    const [midway] = await db.db.select().from(runs).where(eq(runs.id, runId));
    expect(midway!.status).toBe('running');
    const next = await startWorker();
    const row = await finished(runId);
    expect(row.status).toBe('completed');
    // The row is completed a moment before the worker logs the run's end.
    await eventually(async () => (next.output().includes('"run finished"') ? true : undefined), 10_000, 'the run’s last log line');
    expect(next.output()).toMatch(/"resumed":true.*"run finished"/);
    const [count] = await db.db.select({ n: sql<number>`count(*)::int`, keys: sql<number>`count(distinct ${exceptions.breakKey})::int` }).from(exceptions).where(eq(exceptions.runId, runId));
    expect(count!.n).toBe(row.stats.breaks);
    expect(count!.keys).toBe(count!.n);
    await stop(next);
  }, 240_000);
});
