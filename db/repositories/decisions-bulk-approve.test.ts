import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../core/errors/app-error.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import type { DatabaseHandle } from '../client.ts';
import { adjustments } from '../schema/adjustments.ts';
import { auditLog } from '../schema/audit-log.ts';
import { decisions } from '../schema/decisions.ts';
import { exceptionRecords, exceptions } from '../schema/exceptions.ts';
import { records } from '../schema/records.ts';
import { suggestions } from '../schema/suggestions.ts';
import { seedException } from '../testing/review-test-data.ts';
import { verifyAuditChain } from './audit-repository.ts';
import { approveAndApply, bulkApprove } from './decisions-approval-flow.ts';
import { createUser } from './users-repository.ts';

let handle: DatabaseHandle;
let first: string, second: string;
const NOW = new Date('2026-11-02T09:00:00.000Z');
const now = () => NOW;

beforeAll(async () => {
  handle = await openTestDatabase();
  first = (await createUser(handle.db, { email: 'bulk-first@example.test', name: 'First', role: 'approver' })).id;
  second = (await createUser(handle.db, { email: 'bulk-second@example.test', name: 'Second', role: 'approver' })).id;
});
afterAll(async () => {
  await handle.close();
});

const rowOf = async (id: string) => (await handle.db.select().from(exceptions).where(eq(exceptions.id, id)))[0];
const approvalsOf = async (id: string) => (await handle.db.select({ n: count() }).from(decisions).where(and(eq(decisions.exceptionId, id), eq(decisions.kind, 'approve'))))[0]!.n;
const reasons = (r: Awaited<ReturnType<typeof bulkApprove>>) => Object.fromEntries(r.skipped.map((s) => [s.id, s.reason]));

describe('bulk approve, set-based', () => {
  it('approves and applies every action in one batch; skips unverified, illegal, own edit and unknown with the reason', async () => {
    const ok = await Promise.all((['fee', 'unbooked_fee', 'confirm', 'sign_error', 'duplicate', 'carry_forward'] as const).map((s) => seedException(handle.db, s)));
    const unverified = await seedException(handle.db, 'unverified');
    const done = await seedException(handle.db, 'confirm', { autoApproved: true });
    const own = await seedException(handle.db, 'fee');
    // The approver wrote the current version: maker-checker refuses it.
    await handle.db.update(suggestions).set({ createdBy: first }).where(eq(suggestions.exceptionId, own.id));
    const missing = randomUUID();
    const ids = [...ok.map((x) => x.id), unverified.id, done.id, own.id, missing];
    const r = await bulkApprove(handle.db, { ids, actorId: first, comment: 'month end', now });
    expect(r.approved.map((a) => a.id).sort()).toEqual(ok.map((x) => x.id).sort());
    expect(r.approved.every((a) => a.status === 'applied' && a.version === 2 && a.apply?.status === 'applied')).toBe(true);
    expect(reasons(r)).toEqual({ [unverified.id]: 'not_verified', [done.id]: 'illegal_transition', [own.id]: 'own_edit', [missing]: 'not_found' });
    expect(r.skipped.find((s) => s.id === done.id)?.status).toBe('approved');
    for (const x of [unverified, own]) expect(await rowOf(x.id)).toMatchObject({ status: 'suggested', version: 0 });
    expect(await approvalsOf(own.id)).toBe(0);
    expect((await handle.db.select({ n: count() }).from(adjustments).where(inArray(adjustments.exceptionId, ok.map((x) => x.id))))[0]!.n).toBe(5);
    const entries = await handle.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.action, 'decision.approve'));
    expect(entries.length).toBeGreaterThanOrEqual(6);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
  });

  it('above the threshold: the first approver leaves them pending, the same one again is refused, a second one completes and applies', async () => {
    const xs = await Promise.all([seedException(handle.db, 'fee'), seedException(handle.db, 'unbooked_fee')]);
    const ids = xs.map((x) => x.id);
    const input = { ids, twoApproverAbove: '10', now };
    const r1 = await bulkApprove(handle.db, { ...input, actorId: first });
    expect(r1.pending.map((p) => [p.status, p.approvals])).toEqual([
      ['suggested', { have: 1, need: 2 }],
      ['suggested', { have: 1, need: 2 }],
    ]);
    expect(reasons(await bulkApprove(handle.db, { ...input, actorId: first }))).toEqual({ [ids[0]!]: 'already_approved', [ids[1]!]: 'already_approved' });
    const r3 = await bulkApprove(handle.db, { ...input, actorId: second });
    expect(r3.approved.map((a) => [a.status, a.apply?.status])).toEqual([
      ['applied', 'applied'],
      ['applied', 'applied'],
    ]);
    for (const id of ids) expect(await approvalsOf(id)).toBe(2);
  });

  it('an apply that fails marks that one apply_failed; the others apply and every approval stands', async () => {
    const broken = await seedException(handle.db, 'sign_error');
    const fine = await Promise.all([seedException(handle.db, 'fee'), seedException(handle.db, 'duplicate')]);
    // Another decision reversed the book entry meanwhile: the plan is refused.
    await handle.db.update(records).set({ supersededAt: new Date('2026-11-01T00:00:00.000Z') }).where(eq(records.id, broken.internal[0]!.id));
    const r = await bulkApprove(handle.db, { ids: [broken.id, ...fine.map((x) => x.id)], actorId: first, now });
    const byId = new Map(r.approved.map((a) => [a.id, a]));
    expect(byId.get(broken.id)).toMatchObject({ status: 'apply_failed', apply: { status: 'apply_failed', reason: expect.stringContaining(broken.internal[0]!.id) } });
    for (const x of fine) expect(byId.get(x.id)).toMatchObject({ status: 'applied', apply: { status: 'applied' } });
    for (const id of [broken.id, ...fine.map((x) => x.id)]) expect(await approvalsOf(id)).toBe(1);
    expect((await handle.db.select().from(auditLog).where(and(eq(auditLog.entityId, broken.id), eq(auditLog.action, 'effect.failed')))).length).toBe(1);
  });

  it('two of the set competing for one record: the first applies, the second fails, as one by one', async () => {
    const a = await seedException(handle.db, 'duplicate');
    const b = await seedException(handle.db, 'duplicate');
    const shared = a.internal[0]!.id;
    await handle.db.update(exceptionRecords).set({ recordId: shared }).where(eq(exceptionRecords.exceptionId, b.id));
    await handle.db.update(suggestions).set({ resolution: { action: 'reverse_entry', recordId: shared } }).where(eq(suggestions.exceptionId, b.id));
    const r = await bulkApprove(handle.db, { ids: [a.id, b.id], actorId: first, now });
    expect(r.approved.map((x) => x.apply?.status).sort()).toEqual(['applied', 'apply_failed']);
    expect(await handle.db.select().from(adjustments).where(inArray(adjustments.exceptionId, [a.id, b.id]))).toHaveLength(1);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
  });

  it('a concurrent single approval of one of the set: exactly one of them records it', async () => {
    for (let round = 0; round < 3; round++) {
      const xs = await Promise.all(Array.from({ length: 5 }, () => seedException(handle.db, 'fee')));
      const contested = xs[2]!.id;
      const [bulk, single] = await Promise.allSettled([
        bulkApprove(handle.db, { ids: xs.map((x) => x.id), actorId: first, now }),
        approveAndApply(handle.db, { exceptionId: contested, actorId: second, now: NOW }),
      ]);
      if (bulk.status !== 'fulfilled') throw bulk.reason;
      const bulkWon = bulk.value.approved.some((x) => x.id === contested);
      if (bulkWon) expect(single.status === 'rejected' && isAppError(single.reason) && single.reason.code === 'illegal_transition').toBe(true);
      else expect(single.status === 'fulfilled' && reasons(bulk.value)[contested] === 'illegal_transition').toBe(true);
      expect(await approvalsOf(contested)).toBe(1);
      expect(await rowOf(contested)).toMatchObject({ status: 'applied', version: 2 });
      expect(bulk.value.approved.filter((x) => x.id !== contested)).toHaveLength(4);
    }
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
  });
});
