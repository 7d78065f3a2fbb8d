/**
 * `npm run bench -- api`: the HTTP API under load on PostgreSQL. Seeds
 * 100,000 exceptions (× --scale) into a scratch database, serves the real
 * app on loopback, and drives each case with a bounded load generator — 50
 * keep-alive connections (or 1, for the latency of one request alone), a
 * fixed number of requests — reporting p50, p95 and p99 latency. The load
 * generator runs in a child process: in the server's own thread its CPU
 * would queue behind (and in front of) the requests it measures. Every
 * request authenticates with a Bearer token, as a client's would. Other code
 * adds cases with `addApiBenchCase`; `--cases=approve,queue` runs
 * only the cases whose names contain one of the words.
 */
import { loadavg } from 'node:os';
import { and, asc, eq } from 'drizzle-orm';
import { createApp } from '../api/app.ts';
import { startServer } from '../api/server.ts';
import { testApiDeps } from '../api/testing/test-deps.ts';
import { createDatabase, MEMORY_DATA_DIR, type Database } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { createApiToken, createUser } from '../db/repositories/users-repository.ts';
import { exceptions } from '../db/schema/exceptions.ts';
import { createScratchDatabase } from '../db/testing/test-database.ts';
import type { LoadRequest } from './api-load.ts';
import { runLoadInChild } from './api-load-fork.ts';
import { BENCH_ACCOUNTS, seedApiBench } from './api-seed.ts';
import { report } from './report.ts';

export interface ApiBenchContext {
  readonly db: Database;
  readonly scale: number;
}

export interface ApiBenchCase {
  readonly name: string;
  readonly requests: number;
  /** Concurrent connections; default 50. */
  readonly connections?: number;
  /** Prepares the case (reads ids, say) and returns its i-th request. */
  prepare(context: ApiBenchContext): Promise<(i: number) => LoadRequest>;
}

const TYPES = ['timing_difference', 'unbooked_fee', 'fee_deduction', 'missing_internal', 'missing_external', 'amount_mismatch', 'duplicate_entry', 'rounding_difference', 'fx_difference', 'reference_mismatch'];

/** Ids of suggested, verified exceptions nobody decided yet, disjoint between the cases that take them. */
async function suggestedIds(db: Database, count: number, skip: number): Promise<string[]> {
  const rows = await db
    .select({ id: exceptions.id })
    .from(exceptions)
    .where(and(eq(exceptions.status, 'suggested'), eq(exceptions.verified, true)))
    .orderBy(asc(exceptions.openedAt), asc(exceptions.id))
    .offset(skip)
    .limit(count);
  return rows.map((r) => r.id);
}

const queue2 = (i: number): LoadRequest => ({ method: 'GET', path: `/api/exceptions?status=suggested&type=${TYPES[i % TYPES.length]}&limit=50` });
const approveOf = (ids: readonly string[]) => (i: number): LoadRequest => ({ method: 'POST', path: `/api/exceptions/${ids[i]}/approve`, body: '{}' });

const CASES: ApiBenchCase[] = [
  // The review queue's first page: one status and one type (rotating), oldest first.
  { name: 'queue 2 filters, 1 conn', requests: 500, connections: 1, prepare: async () => queue2 },
  { name: 'queue 2 filters', requests: 5000, prepare: async () => queue2 },
  {
    name: 'queue by amount',
    requests: 5000,
    prepare: async () => (i) => ({ method: 'GET', path: `/api/exceptions?status=suggested&account=${BENCH_ACCOUNTS[i % BENCH_ACCOUNTS.length]}&sort=amount&order=desc&limit=50` }),
  },
  // One approval (and its apply) alone: the latency a reviewer sees.
  { name: 'approve, 1 conn', requests: 300, connections: 1, prepare: async ({ db }) => approveOf(await suggestedIds(db, 300, 0)) },
  { name: 'approve', requests: 2000, prepare: async ({ db }) => approveOf(await suggestedIds(db, 2000, 300)) },
  {
    name: 'bulk approve 50',
    requests: 100,
    connections: 10,
    prepare: async ({ db }) => {
      const ids = await suggestedIds(db, 5000, 2300);
      return (i) => ({ method: 'POST', path: '/api/decisions/bulk-approve', body: JSON.stringify({ ids: ids.slice(i * 50, i * 50 + 50) }) });
    },
  },
  {
    // 1,000 approvals as two calls of the per-call cap (500), one after the other: the seconds are the total.
    name: 'bulk approve 1000 (2 x 500)',
    requests: 2,
    connections: 1,
    prepare: async ({ db }) => {
      const ids = await suggestedIds(db, 1000, 7300);
      return (i) => ({ method: 'POST', path: '/api/decisions/bulk-approve', body: JSON.stringify({ ids: ids.slice(i * 500, i * 500 + 500) }) });
    },
  },
];

/** Adds a case, measured after the built-in ones. */
export function addApiBenchCase(c: ApiBenchCase): void {
  CASES.push(c);
}

export async function apiBench(options: { scale: number; databaseUrl: string | undefined; cases?: string | undefined }): Promise<void> {
  if (!options.databaseUrl) {
    process.stderr.write('api: needs DATABASE_URL (a PostgreSQL server to create a scratch database on); skipped\n');
    return;
  }
  const count = Math.round(100_000 * options.scale);
  const scratch = await createScratchDatabase(options.databaseUrl);
  const handle = await createDatabase({ databaseUrl: scratch.url, dataDir: MEMORY_DATA_DIR });
  try {
    await runMigrations(handle);
    const seeded = performance.now();
    await seedApiBench(handle.db, count);
    const seedSeconds = (performance.now() - seeded) / 1000;
    report({ bench: 'api', case: 'seed', count, unit: 'exceptions', seconds: seedSeconds, perSecond: count / seedSeconds });
    const user = await createUser(handle.db, { email: 'bench@example.test', name: 'Bench', role: 'approver' });
    const { token } = await createApiToken(handle.db, user.id, 'bench');
    const server = await startServer(createApp(testApiDeps(handle, { rateLimitPerMinute: 0 })), { port: 0, host: '127.0.0.1' });
    try {
      const only = options.cases?.split(',').filter(Boolean);
      for (const c of CASES.filter((k) => !only || only.some((w) => k.name.includes(w)))) {
        const next = await c.prepare({ db: handle.db, scale: options.scale });
        const requests = Array.from({ length: c.requests }, (_, i) => next(i));
        const r = await runLoadInChild({ baseUrl: server.url, headers: { authorization: `Bearer ${token}` }, connections: c.connections ?? 50, requests });
        const ms = (v: number) => v.toFixed(1);
        report({ bench: 'api', case: c.name, count: r.count, unit: `req, p50/p95/p99 ${ms(r.p50)}/${ms(r.p95)}/${ms(r.p99)} ms, ${c.connections ?? 50} conn, load ${loadavg()[0]!.toFixed(1)}${r.errors ? `, ${r.errors} failed` : ''}`, seconds: r.seconds, perSecond: r.count / r.seconds });
        if (r.firstError) process.stderr.write(`api ${c.name}: first failure ${r.firstError}\n`);
      }
    } finally {
      await server.close();
    }
  } finally {
    await handle.close();
    await scratch.drop();
  }
}
