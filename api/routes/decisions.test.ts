import { count, eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.ts';
import { verifyAuditChain } from '../../db/repositories/audit-repository.ts';
import { adjustmentLines, adjustments } from '../../db/schema/adjustments.ts';
import { decisions } from '../../db/schema/decisions.ts';
import { exceptions } from '../../db/schema/exceptions.ts';
import { matchGroupRecords, matchGroups } from '../../db/schema/match-groups.ts';
import { suggestions } from '../../db/schema/suggestions.ts';
import { seedException } from '../../db/testing/review-test-data.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import { createApp } from '../app.ts';
import { testApiDeps } from '../testing/test-deps.ts';
import { testCaller, type TestCaller } from '../testing/test-auth.ts';
import { decisionsTestApp } from './decisions-test-app.ts';

let handle: DatabaseHandle;
let app: Hono;
let viewer: TestCaller, reviewer: TestCaller, approver: TestCaller, approver2: TestCaller;

beforeAll(async () => {
  handle = await openTestDatabase();
  app = decisionsTestApp(handle);
  [viewer, reviewer, approver, approver2] = await Promise.all([testCaller(handle.db, 'viewer'), testCaller(handle.db, 'reviewer'), testCaller(handle.db, 'approver'), testCaller(handle.db, 'approver')]);
});
afterAll(async () => {
  await handle.close();
});

interface Answer {
  status: number;
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function post(path: string, who: TestCaller | undefined, body?: unknown, target: Hono = app): Promise<Answer> {
  const res = await target.request(`/api${path}`, { method: 'POST', headers: who?.headers ?? { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

const exceptionRow = async (id: string) => (await handle.db.select().from(exceptions).where(eq(exceptions.id, id)))[0]!;
const countOf = async (table: typeof adjustments | typeof decisions, id: string) => (await handle.db.select({ n: count() }).from(table).where(eq(table.exceptionId, id)))[0]!.n;

describe('POST /api/exceptions/:id/approve', () => {
  it('approves, applies in the same request, and records decision, effects and audit', async () => {
    const x = await seedException(handle.db, 'fee');
    const res = await post(`/exceptions/${x.id}/approve`, approver, { expectedVersion: 0, comment: 'fee per schedule' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: 'suggested', complete: true, approvals: { have: 1, need: 1 }, apply: { status: 'applied' }, exception: { id: x.id, status: 'applied', version: 2 } });
    const [adjustment] = await handle.db.select().from(adjustments).where(eq(adjustments.exceptionId, x.id));
    expect(adjustment).toMatchObject({ kind: 'journal', currency: 'EUR', decisionId: res.body.decision.id });
    const lines = await handle.db.select().from(adjustmentLines).where(eq(adjustmentLines.adjustmentId, adjustment!.id)).orderBy(adjustmentLines.lineNo);
    expect(lines.map((l) => [l.glCode, l.amount])).toEqual([['GL-1000', '-15.00'], ['6810', '15.00']]);
    const [group] = await handle.db.select().from(matchGroups).where(eq(matchGroups.id, res.body.apply.matchGroupId));
    expect(group).toMatchObject({ status: 'confirmed', pass: 'manual' });
    expect((await handle.db.select().from(matchGroupRecords).where(eq(matchGroupRecords.groupId, group!.id))).map((m) => m.recordId).sort()).toEqual([x.external[0]!.id, x.internal[0]!.id].sort());
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
  });

  it('answers 401 without a token, 403 below approver, 404 for an unknown id, 400 for a bad id or body', async () => {
    const x = await seedException(handle.db, 'fee');
    expect((await post(`/exceptions/${x.id}/approve`, undefined, {})).status).toBe(401);
    expect((await post(`/exceptions/${x.id}/approve`, viewer, {})).status).toBe(403);
    expect((await post(`/exceptions/${x.id}/approve`, reviewer, {})).status).toBe(403);
    expect((await post('/exceptions/00000000-0000-4000-8000-000000000000/approve', approver, {})).status).toBe(404);
    expect((await post('/exceptions/nope/approve', approver, {})).status).toBe(400);
    const bad = await post(`/exceptions/${x.id}/approve`, approver, { expectedVersion: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].field).toBe('body.expectedVersion');
    expect((await exceptionRow(x.id)).status).toBe('suggested');
  });

  it('answers 409 with the current state for an applied exception and for a stale expectedVersion', async () => {
    const x = await seedException(handle.db, 'fee');
    const stale = await post(`/exceptions/${x.id}/approve`, approver, { expectedVersion: 3 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'conflict', details: { status: 'suggested', version: 0, expectedVersion: 3 } });
    await post(`/exceptions/${x.id}/approve`, approver, {});
    const again = await post(`/exceptions/${x.id}/approve`, approver2, {});
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'illegal_transition', details: { status: 'applied', action: 'approve' } });
  });

  it('lets exactly one of two concurrent approvals win; the other gets 409 with the state', async () => {
    const x = await seedException(handle.db, 'fee');
    const answers = await Promise.all([post(`/exceptions/${x.id}/approve`, approver, {}), post(`/exceptions/${x.id}/approve`, approver2, {})]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const loser = answers.find((a) => a.status === 409)!;
    expect(['approved', 'applied']).toContain(loser.body.error.details.status);
    expect(await countOf(decisions, x.id)).toBe(1);
    expect(await countOf(adjustments, x.id)).toBe(1);
  });

  it('refuses an unverified suggestion with 409', async () => {
    const x = await seedException(handle.db, 'unverified');
    const res = await post(`/exceptions/${x.id}/approve`, approver, {});
    expect(res.status).toBe(409);
    expect(res.body.error.details).toMatchObject({ reason: 'not_verified', status: 'suggested' });
  });

  it('needs two different approvers above the threshold; the first approval keeps the status', async () => {
    const strict = decisionsTestApp(handle, { review: { twoApproverAbove: '500.00' } });
    const x = await seedException(handle.db, 'fee');
    const first = await post(`/exceptions/${x.id}/approve`, approver, {}, strict);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ complete: false, approvals: { have: 1, need: 2 }, exception: { status: 'suggested', version: 1 } });
    expect(first.body.apply).toBeUndefined();
    const same = await post(`/exceptions/${x.id}/approve`, approver, {}, strict);
    expect(same.status).toBe(403);
    expect(same.body.error.details).toEqual({ refusal: 'already_approved' });
    const second = await post(`/exceptions/${x.id}/approve`, approver2, {}, strict);
    expect(second.body).toMatchObject({ complete: true, approvals: { have: 2, need: 2 }, apply: { status: 'applied' }, exception: { status: 'applied' } });
  });
});

describe('the app', () => {
  it('mounts the decision routes from the route table', async () => {
    const x = await seedException(handle.db, 'fee');
    const res = await post(`/exceptions/${x.id}/approve`, approver, {}, createApp(testApiDeps(handle)));
    expect(res.status).toBe(200);
    expect(res.body.exception.status).toBe('applied');
  });
});

describe('POST /api/exceptions/:id/edit', () => {
  it('stores a verified new version by the reviewer; its author may not approve it (403), someone else may', async () => {
    const x = await seedException(handle.db, 'unverified');
    const resolution = { ...x.resolution, amount: '-15.00' };
    const edit = await post(`/exceptions/${x.id}/edit`, approver, { resolution, rationale: 'the fee is 15.00', expectedVersion: 0 });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ from: 'suggested', exception: { status: 'edited', version: 1, currentSuggestionVersion: 2 }, decision: { kind: 'edit', suggestionVersion: 2 } });
    const [v2] = await handle.db.select().from(suggestions).where(eq(suggestions.id, (await handle.db.select().from(decisions).where(eq(decisions.id, edit.body.decision.id)))[0]!.suggestionId!));
    expect(v2).toMatchObject({ version: 2, source: 'human', verified: true, createdBy: approver.userId, resolution });
    expect(await exceptionRow(x.id)).toMatchObject({ source: 'human', verified: true, confidence: '1' });
    const own = await post(`/exceptions/${x.id}/approve`, approver, {});
    expect(own.status).toBe(403);
    expect(own.body.error.details).toEqual({ refusal: 'own_edit' });
    const other = await post(`/exceptions/${x.id}/approve`, approver2, {});
    expect(other.body).toMatchObject({ from: 'edited', exception: { status: 'applied' } });
  });

  it('refuses a resolution that does not verify or parse (400, nothing stored) and a reviewer below the role (403)', async () => {
    const x = await seedException(handle.db, 'fee');
    const unbalanced = await post(`/exceptions/${x.id}/edit`, reviewer, { resolution: { ...x.resolution, amount: '-14.00' } });
    expect(unbalanced.status).toBe(400);
    expect(unbalanced.body.error.issues[0]).toMatchObject({ field: 'body.resolution', message: expect.stringContaining('remain open') });
    expect((await post(`/exceptions/${x.id}/edit`, reviewer, { resolution: { action: 'post_journal', amount: 'ten' } })).status).toBe(400);
    expect((await post(`/exceptions/${x.id}/edit`, reviewer, { resolution: x.resolution, cause: 'rounding' })).status).toBe(400);
    expect((await post(`/exceptions/${x.id}/edit`, viewer, { resolution: x.resolution })).status).toBe(403);
    expect((await post('/exceptions/00000000-0000-4000-8000-000000000000/edit', reviewer, { resolution: x.resolution })).status).toBe(404);
    expect(await exceptionRow(x.id)).toMatchObject({ status: 'suggested', version: 0, currentSuggestionVersion: 1 });
  });
});

describe('an open exception (no suggestion)', () => {
  it('takes an edit as its next version but no approval before that', async () => {
    const x = await seedException(handle.db, 'fee');
    await handle.db.update(exceptions).set({ status: 'open', currentSuggestionVersion: null }).where(eq(exceptions.id, x.id));
    expect((await post(`/exceptions/${x.id}/approve`, approver, {})).body.error).toMatchObject({ code: 'illegal_transition', details: { status: 'open' } });
    const edit = await post(`/exceptions/${x.id}/edit`, reviewer, { resolution: x.resolution });
    expect(edit.body).toMatchObject({ from: 'open', exception: { status: 'edited', currentSuggestionVersion: 2 } });
    expect((await post(`/exceptions/${x.id}/approve`, approver, {})).body.exception.status).toBe('applied');
  });
});

describe('POST /api/exceptions/:id/reject and /escalate', () => {
  it('rejects with a reason; a rejected suggestion cannot be approved but can be edited again', async () => {
    const x = await seedException(handle.db, 'fee');
    expect((await post(`/exceptions/${x.id}/reject`, reviewer, {})).status).toBe(400);
    expect((await post(`/exceptions/${x.id}/reject`, reviewer, { reason: '  ' })).status).toBe(400);
    expect((await post(`/exceptions/${x.id}/reject`, viewer, { reason: 'no' })).status).toBe(403);
    const rejected = await post(`/exceptions/${x.id}/reject`, reviewer, { reason: 'not a fee' });
    expect(rejected.body).toMatchObject({ from: 'suggested', exception: { status: 'rejected', version: 1 }, decision: { kind: 'reject', suggestionVersion: 1 } });
    expect((await post(`/exceptions/${x.id}/reject`, reviewer, { reason: 'again' })).status).toBe(409);
    const approve = await post(`/exceptions/${x.id}/approve`, approver, {});
    expect(approve.body.error).toMatchObject({ code: 'illegal_transition', details: { status: 'rejected' } });
    expect((await post(`/exceptions/${x.id}/edit`, reviewer, { resolution: x.resolution })).body.exception.status).toBe('edited');
  });

  it('escalates with a reason; approving an escalate resolution escalates without applying', async () => {
    const x = await seedException(handle.db, 'fee');
    expect((await post(`/exceptions/${x.id}/escalate`, reviewer, {})).status).toBe(400);
    const escalated = await post(`/exceptions/${x.id}/escalate`, reviewer, { reason: 'large and unusual' });
    expect(escalated.body).toMatchObject({ exception: { status: 'escalated' } });
    expect((await post(`/exceptions/${x.id}/escalate`, reviewer, { reason: 'twice' })).status).toBe(409);
    const y = await seedException(handle.db, 'fee');
    await post(`/exceptions/${y.id}/edit`, reviewer, { resolution: { action: 'escalate', reason: 'needs treasury' } });
    const approved = await post(`/exceptions/${y.id}/approve`, approver, {});
    expect(approved.body).toMatchObject({ exception: { status: 'escalated' }, complete: false });
    expect(await countOf(adjustments, y.id)).toBe(0);
  });
});

describe('POST /api/exceptions/:id/apply', () => {
  it('applies an auto-approved exception once; a second apply is a 409', async () => {
    const x = await seedException(handle.db, 'unbooked_fee', { autoApproved: true });
    expect((await post(`/exceptions/${x.id}/apply`, reviewer)).status).toBe(403);
    const res = await post(`/exceptions/${x.id}/apply`, approver);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ exception: { status: 'applied', version: 2 }, apply: { status: 'applied' } });
    const again = await post(`/exceptions/${x.id}/apply`, approver);
    expect(again.body.error).toMatchObject({ code: 'illegal_transition', details: { status: 'applied', action: 'apply' } });
    expect(await countOf(adjustments, x.id)).toBe(1);
  });

  it('refuses to apply a suggestion nobody approved', async () => {
    const x = await seedException(handle.db, 'fee');
    expect((await post(`/exceptions/${x.id}/apply`, approver)).body.error).toMatchObject({ code: 'illegal_transition', details: { status: 'suggested' } });
  });
});
