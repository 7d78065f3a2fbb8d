/**
 * `npm run bench -- nightly [--scale S]`: a nightly run end to end on
 * PostgreSQL and Redis — the run's records loaded from the database, matched,
 * through the rules agents, persisted — by one `recon worker` process, then
 * by two sharing it. The bulk generator's records (1,000,000 per side at
 * scale 1) are spread over four currencies, and the reconciliation is split
 * per currency, so the two workers take two partitions each. The records are
 * stored once (streamed CSV imports, COPY) and both runs read the same
 * accounts; the time is from queueing the run to its parent's finish.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../cli/config.ts';
import { nightlyJobId } from '../core/jobs/job-ids.ts';
import { createDatabase, MEMORY_DATA_DIR } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { importStatementStream } from '../db/repositories/import-statement-stream.ts';
import { reconciliations } from '../db/schema/reconciliations.ts';
import { runs } from '../db/schema/runs.ts';
import { createScratchDatabase } from '../db/testing/test-database.ts';
import { bulkRecords } from '../evals/generator/bulk.ts';
import { startRecon } from '../test/recon-process.ts';
import { createBullmqJobSystem } from '../worker/bullmq-job-system.ts';
import { scheduledRunId } from '../worker/run-ids.ts';
import { dropPrefix } from '../worker/testing/job-systems.ts';
import { report } from './report.ts';

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF'];
const BANK = 'DE89370400440532013000';
const BOOKS = '1200';
const AS_OF = '2026-10-31';
const csvField = (v: string | undefined) => (v === undefined ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The bulk records as a bank and a ledger CSV, each record's currency chosen by its pair's number. */
async function writeCsv(dir: string, n: number): Promise<{ external: string; internal: string }> {
  const paths = { external: join(dir, 'bank.csv'), internal: join(dir, 'books.csv') };
  const files = { external: createWriteStream(paths.external), internal: createWriteStream(paths.internal) };
  files.external.write('Booking Date,Amount,Currency,Reference,Counterparty,Description,IBAN\n');
  files.internal.write('Entry ID,Posting Date,Amount,Currency,Reference,Counterparty,Description,GL Account\n');
  const buffers = { external: '', internal: '' };
  for (const r of bulkRecords(n, 1)) {
    const pair = Number(/\d+/.exec(r.id)![0]);
    const row = [r.date, r.amount, CURRENCIES[pair % CURRENCIES.length], r.reference, r.counterparty, r.description, r.account].map(csvField).join(',');
    buffers[r.side] += r.side === 'internal' ? `${csvField(r.id)},${row}\n` : `${row}\n`;
    if (buffers[r.side].length > 1 << 20) {
      if (!files[r.side].write(buffers[r.side])) await once(files[r.side], 'drain');
      buffers[r.side] = '';
    }
  }
  for (const side of ['external', 'internal'] as const) {
    files[side].end(buffers[side]);
    await once(files[side], 'finish');
  }
  return paths;
}

export async function nightlyBench(options: { scale: number; databaseUrl: string | undefined }): Promise<void> {
  const config = loadConfig();
  if (!options.databaseUrl || !config.redisUrl) {
    process.stderr.write('nightly: needs DATABASE_URL and REDIS_URL (workers share PostgreSQL and Redis)\n');
    return;
  }
  const n = Math.round(1_000_000 * options.scale);
  const scratch = await createScratchDatabase(options.databaseUrl);
  const db = await createDatabase({ databaseUrl: scratch.url, dataDir: MEMORY_DATA_DIR, max: 4 });
  const dir = await mkdtemp(join(tmpdir(), 'recon-nightly-'));
  const seconds: Record<number, number> = {};
  try {
    await runMigrations(db);
    const paths = await writeCsv(dir, n);
    let started = performance.now();
    for (const side of ['external', 'internal'] as const) {
      await importStatementStream(db.db, { open: () => createReadStream(paths[side], { highWaterMark: 256 * 1024 }) }, { fileName: `${side}.csv`, side, createdBy: 'bench' });
    }
    report({ bench: 'nightly', case: 'store both sides', count: n, unit: 'per side', seconds: (performance.now() - started) / 1000, perSecond: (2 * n * 1000) / (performance.now() - started) });
    for (const workers of [1, 2]) {
      const id = `bench-${workers}-workers`;
      await db.db.insert(reconciliations).values({ id, name: id, externalAccount: BANK, internalAccount: BOOKS, partitionBy: 'currency', mode: 'rules' });
      const prefix = `recon-bench-${Date.now()}`;
      const env = { DATABASE_URL: scratch.url, REDIS_URL: config.redisUrl, RECON_QUEUE_PREFIX: prefix, RECON_MODE: 'rules', WORKER_CONCURRENCY: '1', RECON_WORKER_METRICS_PORT: '0', RECON_DATA_DIR: dir, LOG_LEVEL: 'info', NODE_ENV: 'production', RECON_JOB_LOCK_MS: '120000' };
      const procs = Array.from({ length: workers }, () => startRecon(['worker'], env));
      const outputs = procs.map(() => ({ text: '' }));
      procs.forEach((p, i) => p.child.stdout!.on('data', (d: Buffer) => (outputs[i]!.text += d.toString())));
      while (!outputs.every((o) => o.text.includes('"worker ready"'))) await new Promise((r) => setTimeout(r, 200));
      const jobs = createBullmqJobSystem({ redisUrl: config.redisUrl, prefix });
      const runId = scheduledRunId(id, AS_OF);
      started = performance.now();
      await jobs.add({ queue: 'nightly', name: 'run', data: { kind: 'run', reconciliationId: id, asOf: AS_OF, runId }, jobId: nightlyJobId(id, AS_OF), attempts: 1 });
      let status = 'queued';
      let breaks = 0;
      while (status !== 'completed' && status !== 'failed') {
        await new Promise((r) => setTimeout(r, 250));
        const [row] = await db.db.select().from(runs).where(eq(runs.id, runId));
        status = row?.status ?? 'queued';
        breaks = Number(row?.stats.breaks ?? 0);
        if (status === 'failed') process.stderr.write(`nightly: the run failed: ${row?.error}\n`);
      }
      seconds[workers] = (performance.now() - started) / 1000;
      report({ bench: 'nightly', case: `${workers} worker${workers > 1 ? 's' : ''} ${breaks} breaks`, count: n, unit: 'per side', seconds: seconds[workers]!, perSecond: (2 * n) / seconds[workers]! });
      for (const p of procs) p.child.kill('SIGTERM');
      await Promise.all(procs.map((p) => p.done));
      await jobs.close();
      await dropPrefix(config.redisUrl, prefix);
    }
    process.stdout.write(`nightly speed-up with 2 workers: ×${(seconds[1]! / seconds[2]!).toFixed(2)}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  } finally {
    await db.close();
    await scratch.drop();
    await rm(dir, { recursive: true, force: true });
  }
}
