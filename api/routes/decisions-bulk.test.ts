import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.ts';
import { exceptions } from '../../db/schema/exceptions.ts';
import { seedException } from '../../db/testing/review-test-data.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import { testCaller, type TestCaller } from '../testing/test-auth.ts';
import { decisionsTestApp } from './decisions-test-app.ts';

let handle: DatabaseHandle;
let app: Hono;
let reviewer: TestCaller, approver: TestCaller;

beforeAll(async () => {
  handle = await openTestDatabase();
  app = decisionsTestApp(handle);
  [reviewer, approver] = await Promise.all([testCaller(handle.db, 'reviewer'), testCaller(handle.db, 'approver')]);
});
afterAll(async () => {
  await handle.close();
});

async function bulk(body: unknown, who: TestCaller = approver, target: Hono = app) {
  const res = await target.request('/api/decisions/bulk-approve', { method: 'POST', headers: who.headers, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const statusOf = async (id: string) => (await handle.db.select({ status: exceptions.status }).from(exceptions).where(eq(exceptions.id, id)))[0]?.status;

describe('POST /api/decisions/bulk-approve', () => {
  it('approves and applies the verified ones and says which were skipped and why', async () => {
    const fee = await seedException(handle.db, 'fee');
    const journal = await seedException(handle.db, 'unbooked_fee');
    const unverified = await seedException(handle.db, 'unverified');
    const done = await seedException(handle.db, 'confirm', { autoApproved: true });
    const missing = '00000000-0000-4000-8000-00000000beef';
    const res = await bulk({ ids: [fee.id, journal.id, unverified.id, done.id, missing], comment: 'month end' });
    expect(res.status).toBe(200);
    expect(res.body.approved.map((a: { id: string }) => a.id).sort()).toEqual([fee.id, journal.id].sort());
    expect(res.body.approved.every((a: { status: string; apply: { status: string } }) => a.status === 'applied' && a.apply.status === 'applied')).toBe(true);
    expect(res.body.pending).toEqual([]);
    const skipped = Object.fromEntries(res.body.skipped.map((s: { id: string; reason: string }) => [s.id, s.reason]));
    expect(skipped).toEqual({ [unverified.id]: 'not_verified', [done.id]: 'illegal_transition', [missing]: 'not_found' });
    expect(await statusOf(unverified.id)).toBe('suggested');
    expect(await statusOf(done.id)).toBe('approved');
  });

  it('takes the queue filters: only approvable exceptions of the run, within the confidence range', async () => {
    const x = await seedException(handle.db, 'fee', { suggestion: { confidence: 0.95 } });
    const low = await seedException(handle.db, 'fee', { suggestion: { confidence: 0.4 } });
    const res = await bulk({ filter: { run: x.runId, minConfidence: '0.9' } });
    expect(res.body).toMatchObject({ approved: [{ id: x.id, status: 'applied' }], skipped: [], remaining: 0 });
    expect((await bulk({ filter: { run: low.runId, type: 'fee_deduction', maxConfidence: 0.5 } })).body.approved.map((a: { id: string }) => a.id)).toEqual([low.id]);
    expect((await bulk({ filter: { run: x.runId } })).body).toMatchObject({ approved: [], skipped: [] });
  });

  it('records first approvals above the two-approver threshold as pending', async () => {
    const strict = decisionsTestApp(handle, { review: { twoApproverAbove: '100' } });
    const x = await seedException(handle.db, 'fee');
    const res = await bulk({ ids: [x.id] }, approver, strict);
    expect(res.body).toMatchObject({ approved: [], pending: [{ id: x.id, status: 'suggested', approvals: { have: 1, need: 2 } }] });
    expect((await bulk({ ids: [x.id] }, approver, strict)).body.skipped).toEqual([expect.objectContaining({ id: x.id, reason: 'already_approved' })]);
  });

  it('answers 400 without ids or filter, or with a bad filter, and 403 below approver', async () => {
    expect((await bulk({})).status).toBe(400);
    expect((await bulk({ filter: { status: 'nope' } })).status).toBe(400);
    expect((await bulk({ ids: ['x'] })).status).toBe(400);
    expect((await bulk({ ids: [] })).status).toBe(400);
    expect((await bulk({ filter: {} }, reviewer)).status).toBe(403);
  });
});
