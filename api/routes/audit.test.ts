import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit-repository.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import { createApp } from '../app.ts';
import { testCaller, type TestCaller } from '../testing/test-auth.ts';
import { testApiDeps } from '../testing/test-deps.ts';

let db: DatabaseHandle;
let admin: TestCaller;
let approver: TestCaller;
beforeAll(async () => {
  db = await openTestDatabase();
  admin = await testCaller(db.db, 'admin');
  approver = await testCaller(db.db, 'approver');
  const day = (d: number) => new Date(`2026-11-0${d}T09:00:00.000Z`);
  await appendAudit(db.db, [{ actor: 'system', action: 'import.stored', entityType: 'import', entityId: 'imp-1' }], day(1));
  await appendAudit(db.db, [{ actor: 'system', action: 'run.started', entityType: 'run', entityId: 'run-1' }], day(2));
  await appendAudit(db.db, [{ actor: 'u-ann', action: 'decision.approve', entityType: 'decision', entityId: 'd-1', payload: { exceptionId: 'e-1' } }], day(3));
  await appendAudit(db.db, [{ actor: 'u-bob', action: 'decision.reject', entityType: 'decision', entityId: 'd-2' }], day(4));
  await appendAudit(db.db, [{ actor: 'system', action: 'run.finished', entityType: 'run', entityId: 'run-1' }], day(5));
  await appendAudit(db.db, [{ actor: 'u-cy', action: 'effect.failed', entityType: 'exception', entityId: 'e-1', payload: { reason: 'no GL code' } }], day(6));
  await appendAudit(db.db, [{ actor: 'u-cy', action: 'suggestion.created', entityType: 'suggestion', entityId: 's-3', payload: { exceptionId: 'e-2' } }], day(7));
});
afterAll(async () => {
  await db.close();
});

interface Page {
  items: { seq: number; action: string; entityId: string; at: string }[];
  nextCursor: string | null;
}
const get = async (path: string, caller: TestCaller = approver) => {
  const res = await createApp(testApiDeps(db)).request(path, { headers: caller.headers });
  return { status: res.status, body: (await res.json()) as Page & Record<string, unknown> };
};

describe('GET /api/audit', () => {
  it('filters by entity, actor, action (exact or prefix) and time', async () => {
    expect((await get('/api/audit?entityType=run&entityId=run-1')).body.items.map((e) => e.action)).toEqual(['run.finished', 'run.started']);
    expect((await get('/api/audit?actor=u-ann')).body.items.map((e) => e.entityId)).toEqual(['d-1']);
    expect((await get('/api/audit?action=decision.*&order=asc')).body.items.map((e) => e.entityId)).toEqual(['d-1', 'd-2']);
    expect((await get('/api/audit?action=decision.reject')).body.items.map((e) => e.entityId)).toEqual(['d-2']);
    const window = await get('/api/audit?from=2026-11-02T00:00:00Z&to=2026-11-04T00:00:00Z');
    expect(window.body.items.map((e) => e.action)).toEqual(['decision.approve', 'run.started']);
  });

  it('gathers one exception’s entries: its own and those whose payload names it', async () => {
    expect((await get('/api/audit?exception=e-1&order=asc')).body.items.map((e) => `${e.action} ${e.entityId}`)).toEqual(['decision.approve d-1', 'effect.failed e-1']);
    expect((await get('/api/audit?exception=e-2')).body.items.map((e) => e.entityId)).toEqual(['s-3']);
    expect((await get('/api/audit?exception=e-9')).body.items).toEqual([]);
  });

  it('pages by sequence number without gaps or repeats', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Page } = await get(`/api/audit?limit=2&order=asc${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((e) => e.seq));
      cursor = page.body.nextCursor;
    } while (cursor);
    const all = (await get('/api/audit?limit=500&order=asc')).body.items.map((e) => e.seq);
    expect(seen).toEqual(all);
    expect(all.length).toBeGreaterThanOrEqual(5);
  });

  it('refuses bad filters with 400 and viewers or reviewers with 403', async () => {
    const bad = await get('/api/audit?entityType=spaceship&from=yesterday&cursor=abc');
    expect(bad.status).toBe(400);
    expect(((bad.body.error as { issues: { field: string }[] }).issues.map((i) => i.field)).sort()).toEqual(['query.cursor', 'query.entityType', 'query.from']);
    expect((await get('/api/audit', await testCaller(db.db, 'reviewer'))).status).toBe(403);
  });
});

describe('GET /api/audit/verify', () => {
  it('is ok with the entry count, then finds an entry changed behind the application', async () => {
    expect((await get('/api/audit/verify', approver)).status).toBe(403);
    const ok = await get('/api/audit/verify', admin);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: true });
    const entries = ok.body.entries as number;

    // Only the database superuser can do this: switch the append-only trigger off, edit, switch it on.
    const [target] = (await get('/api/audit?actor=u-ann')).body.items;
    await db.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await db.db.execute(sql`update audit_log set actor = 'u-mallory' where seq = ${target!.seq}`);
    await db.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    const broken = await get('/api/audit/verify', admin);
    expect(broken.body).toMatchObject({ ok: false, brokenAt: target!.seq });
    expect(broken.body.reason).toContain('was changed after it was written');
    expect(broken.body.entries).toBeLessThanOrEqual(entries);
  });
});
