import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.ts';
import type { ReconciliationSchedules } from '../api-deps.ts';
import { auditLog } from '../../db/schema/audit-log.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import { createApp } from '../app.ts';
import { testCaller, type TestCaller } from '../testing/test-auth.ts';
import { testApiDeps } from '../testing/test-deps.ts';

let db: DatabaseHandle;
let admin: TestCaller;
let approver: TestCaller;
let viewer: TestCaller;
beforeAll(async () => {
  db = await openTestDatabase();
  [admin, approver, viewer] = await Promise.all([testCaller(db.db, 'admin'), testCaller(db.db, 'approver'), testCaller(db.db, 'viewer')]);
});
afterAll(async () => {
  await db.close();
});

/** Records what the routes ask of the job system; the job system's own behaviour is tested in worker/. */
const calls: string[] = [];
const schedules: ReconciliationSchedules = {
  sync: async (r) => void calls.push(`sync ${r.id} ${r.enabled && r.schedule ? `${r.schedule} ${r.timezone}` : 'off'}`),
  remove: async (id) => void calls.push(`remove ${id}`),
  nextRunAt: async () => new Date('2026-11-02T05:00:00Z'),
};
const app = () => createApp(testApiDeps(db, { schedules }));
const send = (method: string, path: string, caller: TestCaller | null, body?: unknown) =>
  app().request(`/api${path}`, { method, headers: caller?.headers ?? { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const issues = async (res: Response) => ((await res.json()) as { error: { issues: { field: string }[] } }).error.issues.map((i) => i.field).sort();

const operating = {
  id: 'operating-eur',
  name: 'Operating EUR',
  externalAccount: 'DE89370400440532013000',
  internalAccount: 'GL-1000',
  mode: 'rules',
  config: { dateWindowDays: 3, tolerance: { percent: '1', floor: '0.10', cap: '50' } },
  glCodes: { bank_charges: '6800' },
  schedule: '0 6 * * 1-5',
  timezone: 'Europe/Berlin',
};

describe('reconciliations', () => {
  it('creates one (admin), then lists and shows it with its configuration and the defaults filled in', async () => {
    const created = await send('POST', '/reconciliations', admin, operating);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: 'operating-eur', domain: 'cash', enabled: true, config: operating.config, effectiveConfig: { dateWindowDays: 3, clearingWindowDays: 5 } });
    const list = (await (await send('GET', '/reconciliations', viewer)).json()) as { items: { id: string }[] };
    expect(list.items.map((r) => r.id)).toEqual(['operating-eur']);
    const one = await send('GET', '/reconciliations/operating-eur', viewer);
    expect(await one.json()).toMatchObject({ schedule: '0 6 * * 1-5', timezone: 'Europe/Berlin', glCodes: { bank_charges: '6800' }, mode: 'rules' });
    expect((await send('POST', '/reconciliations', admin, operating)).status).toBe(409);
  });

  it('refuses an invalid configuration listing every field', async () => {
    const res = await send('POST', '/reconciliations', admin, {
      ...operating,
      id: 'Bad Id',
      timezone: 'Mars/Olympus',
      schedule: 'every day',
      glCodes: { nowhere: '1' },
      config: { dateWindowDays: -1, tolerance: { percent: 'two' }, dateWindowDay: 3 },
    });
    expect(res.status).toBe(400);
    expect(await issues(res)).toEqual(['body.config', 'body.config.dateWindowDays', 'body.config.tolerance.percent', 'body.glCodes', 'body.id', 'body.schedule', 'body.timezone']);
    const patch = await send('PATCH', '/reconciliations/operating-eur', admin, { config: { similarityThreshold: 2 } });
    expect(await issues(patch)).toEqual(['body.config.similarityThreshold']);
    expect((await send('PATCH', '/reconciliations/operating-eur', admin, {})).status).toBe(400);
  });

  it('updates by PATCH (some fields) and PUT (all), each with an audit entry', async () => {
    const patched = await send('PATCH', '/reconciliations/operating-eur', admin, { enabled: false, config: { clearingWindowDays: 2 } });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ enabled: false, config: { clearingWindowDays: 2 }, name: 'Operating EUR', effectiveConfig: { dateWindowDays: 5, clearingWindowDays: 2 } });
    const put = await send('PUT', '/reconciliations/operating-eur', admin, { name: 'Operating', externalAccount: 'X1', internalAccount: 'GL-2' });
    expect(await put.json()).toMatchObject({ name: 'Operating', enabled: true, config: {}, schedule: null, timezone: 'UTC', mode: null });
    const audit = await db.db.select().from(auditLog);
    expect(audit.filter((a) => a.entityType === 'reconciliation').map((a) => a.action)).toEqual(['reconciliation.created', 'reconciliation.updated', 'reconciliation.updated']);
    expect((await send('PUT', '/reconciliations/nope', admin, { name: 'n', externalAccount: 'a', internalAccount: 'b' })).status).toBe(404);
  });

  it('answers 401 without a token, 403 below admin for changes, 404 for unknown ids', async () => {
    expect((await send('GET', '/reconciliations', null)).status).toBe(401);
    expect((await send('POST', '/reconciliations', approver, { ...operating, id: 'other' })).status).toBe(403);
    expect((await send('PATCH', '/reconciliations/operating-eur', viewer, { enabled: true })).status).toBe(403);
    expect((await send('GET', '/reconciliations/nope', viewer)).status).toBe(404);
  });

  it('keeps the scheduler in line with each change, shows the next run, and removes both on delete', async () => {
    calls.length = 0;
    const body = { ...operating, id: 'nightly-usd', partitionBy: 'currency', externalDropFolder: '/srv/drop/bank', schedule: '0 2 * * *', timezone: 'America/New_York' };
    const created = await send('POST', '/reconciliations', admin, body);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ partitionBy: 'currency', partitionDays: 7, externalDropFolder: '/srv/drop/bank', internalDropFolder: null, nextRunAt: '2026-11-02T05:00:00.000Z' });
    await send('PATCH', '/reconciliations/nightly-usd', admin, { enabled: false });
    const listed = (await (await send('GET', '/reconciliations', viewer)).json()) as { items: { id: string; nextRunAt: string | null }[] };
    expect(listed.items.find((r) => r.id === 'nightly-usd')!.nextRunAt).toBeNull();
    expect((await send('PATCH', '/reconciliations/nightly-usd', admin, { partitionBy: 'hourly', partitionDays: 0 })).status).toBe(400);
    expect((await send('DELETE', '/reconciliations/nightly-usd', viewer)).status).toBe(403);
    const removed = await send('DELETE', '/reconciliations/nightly-usd', admin);
    expect(await removed.json()).toEqual({ id: 'nightly-usd', deleted: true });
    expect((await send('DELETE', '/reconciliations/nightly-usd', admin)).status).toBe(404);
    expect((await send('GET', '/reconciliations/nightly-usd', viewer)).status).toBe(404);
    expect(calls).toEqual(['sync nightly-usd 0 2 * * * America/New_York', 'sync nightly-usd off', 'remove nightly-usd']);
    const audit = await db.db.select().from(auditLog);
    expect(audit.filter((a) => a.entityId === 'nightly-usd').map((a) => a.action)).toEqual(['reconciliation.created', 'reconciliation.updated', 'reconciliation.deleted']);
  });

  it('names the cron field that is wrong', async () => {
    const res = await send('POST', '/reconciliations', admin, { ...operating, id: 'bad-cron', schedule: '0 25 * * *' });
    const body = (await res.json()) as { error: { issues: { field: string; message: string }[] } };
    expect(body.error.issues).toEqual([expect.objectContaining({ field: 'body.schedule', message: expect.stringContaining('25 is outside 0–23') })]);
  });
});
