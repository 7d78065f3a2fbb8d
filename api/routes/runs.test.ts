import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.ts';
import { seedExceptionQueue } from '../../db/repositories/exceptions-test-support.ts';
import { createDbRunStore } from '../../db/repositories/run-store.ts';
import { reconciliations } from '../../db/schema/reconciliations.ts';
import { createLogger } from '../../monitoring/logger.ts';
import { readSse } from '../../test/sse-events.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import type { RunLauncher, RunProgressEvent } from '../api-deps.ts';
import { createApp } from '../app.ts';
import { authenticate } from '../auth/authenticate.ts';
import { errorHandler } from '../errors/error-handler.ts';
import { mountRoutes } from '../routing/mount-routes.ts';
import { testCaller, type TestCaller } from '../testing/test-auth.ts';
import { testApiDeps } from '../testing/test-deps.ts';
import { runRoutes } from './runs.ts';

let db: DatabaseHandle;
let viewer: TestCaller;
let approver: TestCaller;
let reviewer: TestCaller;
const finished = { status: 'completed' as const, stats: { breaks: 33, durationMs: 1200 }, tokensIn: 10, tokensOut: 5, cost: '0.0012' };

/** A launcher the test drives by hand: it records requests and lets the test emit events. */
function fakeLauncher() {
  const listeners = new Map<string, (e: RunProgressEvent) => void>();
  const started: unknown[] = [];
  const launcher: RunLauncher = {
    start: async (request) => {
      started.push(request);
      return { runId: randomUUID() };
    },
    subscribe: (runId, listener) => {
      listeners.set(runId, listener);
      return () => listeners.delete(runId);
    },
  };
  return { launcher, started, listeners };
}

async function run(status: 'running' | 'completed' | 'failed', reconciliationId = 'ops'): Promise<string> {
  const runId = randomUUID();
  const store = createDbRunStore(db.db);
  await store.startRun({ runId, reconciliationId, domain: 'cash', asOf: '2026-10-31', mode: 'rules' });
  if (status === 'completed') await store.finishRun(runId, finished);
  if (status === 'failed') await store.finishRun(runId, { ...finished, status: 'failed', error: 'records could not be loaded' });
  return runId;
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
};

beforeAll(async () => {
  db = await openTestDatabase();
  await db.db.insert(reconciliations).values([
    { id: 'ops', name: 'Ops', externalAccount: 'DE89370400440532013000', internalAccount: 'GL-1000' },
    { id: 'other', name: 'Other', externalAccount: 'X', internalAccount: 'Y' },
  ]);
  [viewer, approver, reviewer] = await Promise.all([testCaller(db.db, 'viewer'), testCaller(db.db, 'approver'), testCaller(db.db, 'reviewer')]);
});
afterAll(async () => {
  await db.close();
});

describe('POST /api/runs', () => {
  it('hands the request to the launcher and answers 202 with the run id', async () => {
    const fake = fakeLauncher();
    const res = await createApp(testApiDeps(db, { runs: fake.launcher })).request('/api/runs', { method: 'POST', headers: approver.headers, body: JSON.stringify({ reconciliationId: 'ops', asOf: '2026-10-31', mode: 'rules' }) });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ runId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(fake.started).toEqual([{ reconciliationId: 'ops', asOf: '2026-10-31', mode: 'rules', requestedBy: approver.userId }]);
  });

  it('answers 503 without a launcher, 400 for a bad body, 403 below approver, 401 without a token', async () => {
    const post = (deps: Parameters<typeof testApiDeps>[1], headers: Record<string, string>, body: unknown) => createApp(testApiDeps(db, deps)).request('/api/runs', { method: 'POST', headers, body: JSON.stringify(body) });
    const ok = { reconciliationId: 'ops', asOf: '2026-10-31' };
    expect((await post({}, approver.headers, ok)).status).toBe(503);
    const bad = await post({ runs: fakeLauncher().launcher }, approver.headers, { asOf: '2026-02-30', mode: 'magic' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { issues: { field: string }[] } }).error.issues.map((i) => i.field).sort()).toEqual(['body.asOf', 'body.mode', 'body.reconciliationId']);
    expect((await post({ runs: fakeLauncher().launcher }, reviewer.headers, ok)).status).toBe(403);
    expect((await post({ runs: fakeLauncher().launcher }, { 'content-type': 'application/json' }, ok)).status).toBe(401);
  });
});

describe('GET /api/runs and /api/runs/:id', () => {
  it('lists runs newest first, filters by reconciliation and status, and pages once through each', async () => {
    const ids = [await run('completed'), await run('failed'), await run('running', 'other'), await run('completed', 'other')];
    const app = createApp(testApiDeps(db));
    const get = async (q: string) => (await (await app.request(`/api/runs?${q}`, { headers: viewer.headers })).json()) as { items: { id: string; status: string; reconciliationId: string }[]; nextCursor: string | null };
    const all = await get('limit=500');
    expect(all.items.map((r) => r.id).filter((id) => ids.includes(id))).toEqual([...ids].reverse());
    expect((await get('reconciliation=other')).items.every((r) => r.reconciliationId === 'other')).toBe(true);
    expect((await get('status=failed,running')).items.map((r) => r.status).sort()).toEqual(['failed', 'running']);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const p: Awaited<ReturnType<typeof get>> = await get(`limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      walked.push(...p.items.map((r) => r.id));
      cursor = p.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all.items.map((r) => r.id));
    expect((await app.request('/api/runs?status=nope', { headers: viewer.headers })).status).toBe(400);
    expect((await app.request('/api/runs')).status).toBe(401);
  });

  it('shows one run with stats, tokens, cost, durations and its exceptions by status', async () => {
    const queue = await seedExceptionQueue(db.db, { count: 14, start: new Date('2026-11-01T00:00:00Z') });
    await createDbRunStore(db.db).finishRun(queue.runId, finished);
    const res = await createApp(testApiDeps(db)).request(`/api/runs/${queue.runId}`, { headers: viewer.headers });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: queue.runId, status: 'completed', stats: { breaks: 33 }, tokensIn: 10, cost: '0.0012', runMs: expect.any(Number), exceptions: { total: 16, byStatus: { approved: 2, suggested: 12, open: 2 } } });
    expect((await createApp(testApiDeps(db)).request(`/api/runs/${randomUUID()}`, { headers: viewer.headers })).status).toBe(404);
    expect((await createApp(testApiDeps(db)).request('/api/runs/x', { headers: viewer.headers })).status).toBe(400);
  });
});

describe('GET /api/runs/:id/events', () => {
  it('sends the final state of a finished run at once and closes', async () => {
    const app = createApp(testApiDeps(db));
    const done = await app.request(`/api/runs/${await run('completed')}/events`, { headers: viewer.headers });
    expect(done.headers.get('content-type')).toContain('text/event-stream');
    const events = await readSse(done);
    expect(events.map((e) => e.event)).toEqual(['done']);
    expect(JSON.parse(events[0]!.data)).toMatchObject({ status: 'completed', cost: '0.0012', exceptions: { total: 0 } });
    const failed = await readSse(await app.request(`/api/runs/${await run('failed')}/events`, { headers: viewer.headers }));
    expect(failed.map((e) => [e.event, JSON.parse(e.data).error])).toEqual([['failed', 'records could not be loaded']]);
  });

  it('streams the launcher’s progress until the run is done', async () => {
    const fake = fakeLauncher();
    const runId = await run('running');
    const res = await createApp(testApiDeps(db, { runs: fake.launcher })).request(`/api/runs/${runId}/events`, { headers: viewer.headers });
    const reading = readSse(res);
    await until(() => fake.listeners.has(runId));
    const emit = fake.listeners.get(runId)!;
    emit({ runId, phase: 'match', done: 0, total: 40 });
    emit({ runId, phase: 'agents', done: 20, total: 40 });
    await createDbRunStore(db.db).finishRun(runId, finished);
    emit({ runId, phase: 'done', done: 40, total: 40 });
    const events = await reading;
    expect(events.map((e) => e.event)).toEqual(['progress', 'progress', 'progress', 'done']);
    expect(JSON.parse(events[2]!.data)).toEqual({ phase: 'agents', done: 20, total: 40 });
    expect(JSON.parse(events[3]!.data)).toMatchObject({ id: runId, status: 'completed' });
    expect(fake.listeners.has(runId)).toBe(false);
  });

  it('ends by re-reading the run when no launcher reports it (a run another process drives)', async () => {
    const runId = await run('running');
    const app = new Hono();
    app.onError(errorHandler(createLogger({ level: 'silent' })));
    app.use('*', authenticate({ db: db.db }));
    mountRoutes(app, runRoutes(testApiDeps(db), { pollMs: 50, heartbeatMs: 20 }));
    const reading = Promise.resolve(app.request(`/runs/${runId}/events`, { headers: viewer.headers })).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 150));
    await createDbRunStore(db.db).finishRun(runId, { ...finished, status: 'failed', error: 'worker died' });
    const text = await reading;
    expect(text).toContain(': keep-alive');
    expect(text).toMatch(/event: failed\ndata: .*worker died/);
    expect((await app.request(`/runs/${randomUUID()}/events`, { headers: viewer.headers })).status).toBe(404);
    expect((await app.request(`/runs/${runId}/events`)).status).toBe(401);
  });
});
