import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sumAmounts } from '../../core/money/money.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import type { DatabaseHandle } from '../client.ts';
import { adjustmentLines, adjustments } from '../schema/adjustments.ts';
import { auditLog } from '../schema/audit-log.ts';
import { exceptionRecords, exceptions } from '../schema/exceptions.ts';
import { matchGroups } from '../schema/match-groups.ts';
import { records } from '../schema/records.ts';
import { suggestions } from '../schema/suggestions.ts';
import { seedException, type ReviewScenario } from '../testing/review-test-data.ts';
import { applyException, lastApplyFailure } from './apply-repository.ts';
import { verifyAuditChain } from './audit-repository.ts';
import { approveAndApply } from './decisions-approval-flow.ts';
import { createUser } from './users-repository.ts';

let handle: DatabaseHandle;
let approverId: string;
const NOW = new Date('2026-11-02T09:00:00.000Z');

beforeAll(async () => {
  handle = await openTestDatabase();
  approverId = (await createUser(handle.db, { email: 'apply-approver@example.test', name: 'Approver', role: 'approver' })).id;
});
afterAll(async () => {
  await handle.close();
});

async function approved(scenario: ReviewScenario) {
  const x = await seedException(handle.db, scenario);
  const result = await approveAndApply(handle.db, { exceptionId: x.id, actorId: approverId, now: NOW });
  return { x, result };
}

async function linesOf(exceptionId: string) {
  const [adjustment] = await handle.db.select().from(adjustments).where(eq(adjustments.exceptionId, exceptionId));
  if (!adjustment) return { adjustment, lines: [] };
  const lines = await handle.db.select().from(adjustmentLines).where(eq(adjustmentLines.adjustmentId, adjustment.id)).orderBy(adjustmentLines.lineNo);
  return { adjustment, lines };
}

const recordRow = async (id: string) => (await handle.db.select().from(records).where(eq(records.id, id)))[0];

describe('applyException', () => {
  it('posts a journal: book account against the mapped GL code, lines summing to zero, memo kept', async () => {
    const { x, result } = await approved('unbooked_fee');
    expect(result.apply).toMatchObject({ status: 'applied', matchGroupId: null });
    const { adjustment, lines } = await linesOf(x.id);
    expect(adjustment).toMatchObject({ kind: 'journal', currency: 'EUR', memo: 'Monthly account fee', exportedAt: null });
    expect(lines.map((l) => [l.accountRole, l.glCode, l.amount])).toEqual([[null, 'GL-1000', '-25.00'], ['bank_charges', '6810', '25.00']]);
    expect(sumAmounts(lines.map((l) => l.amount))).toBe('0.00');
  });

  it('confirms a match without moving money', async () => {
    const { x, result } = await approved('confirm');
    const { adjustment, lines } = await linesOf(x.id);
    expect(adjustment).toMatchObject({ kind: 'match', currency: null });
    expect(lines).toEqual([]);
    expect(result.apply?.status === 'applied' && result.apply.matchGroupId).toBeTruthy();
  });

  it('corrects an entry: the old record superseded, a corrected copy with provenance, the amount difference journalled to suspense', async () => {
    const { x } = await approved('sign_error');
    const old = x.internal[0]!.id;
    expect((await recordRow(old))?.supersededAt).toEqual(NOW);
    const { adjustment, lines } = await linesOf(x.id);
    const copyId = adjustment!.payload.correctedRecordId as string;
    expect(await recordRow(copyId)).toMatchObject({ amount: '-200.00', supersededAt: null, importId: null, account: 'GL-1000', provenance: { correctionOf: old } });
    expect(lines.map((l) => [l.glCode, l.amount])).toEqual([['GL-1000', '-400.00'], ['1999', '400.00']]);
  });

  it('reverses an entry: superseded, and a reversal journal', async () => {
    const { x } = await approved('duplicate');
    expect((await recordRow(x.internal[0]!.id))?.supersededAt).toEqual(NOW);
    const { adjustment, lines } = await linesOf(x.id);
    expect(adjustment?.kind).toBe('reversal');
    expect(lines.map((l) => l.amount)).toEqual(['50.00', '-50.00']);
  });

  it('applies carry forward with no effect, audited', async () => {
    const { x, result } = await approved('carry_forward');
    expect(result.exception.status).toBe('applied');
    expect((await linesOf(x.id)).adjustment).toBeUndefined();
    const [entry] = await handle.db.select().from(auditLog).where(and(eq(auditLog.entityId, x.id), eq(auditLog.action, 'effect.applied')));
    expect(entry?.payload).toMatchObject({ action: 'carry_forward', kind: 'none' });
  });

  it('leaves the exception apply_failed with the reason and nothing else changed when the books moved; a retry applies once they are back', async () => {
    const x = await seedException(handle.db, 'sign_error');
    const internalId = x.internal[0]!.id;
    const before = await recordRow(internalId);
    // Another decision reversed the book entry in the meantime.
    const elsewhere = new Date('2026-11-01T00:00:00.000Z');
    await handle.db.update(records).set({ supersededAt: elsewhere }).where(eq(records.id, internalId));
    const groupsBefore = (await handle.db.select({ n: count() }).from(matchGroups))[0]!.n;
    const recordsBefore = (await handle.db.select({ n: count() }).from(records))[0]!.n;
    const result = await approveAndApply(handle.db, { exceptionId: x.id, actorId: approverId, now: NOW });
    expect(result.apply).toMatchObject({ status: 'apply_failed', reason: expect.stringContaining(internalId) });
    expect((await handle.db.select().from(exceptions).where(eq(exceptions.id, x.id)))[0]).toMatchObject({ status: 'apply_failed', version: 2 });
    expect((await linesOf(x.id)).adjustment).toBeUndefined();
    expect((await handle.db.select({ n: count() }).from(matchGroups))[0]!.n).toBe(groupsBefore);
    expect((await handle.db.select({ n: count() }).from(records))[0]!.n).toBe(recordsBefore);
    expect(await recordRow(internalId)).toEqual({ ...before, supersededAt: elsewhere });
    expect(await lastApplyFailure(handle.db, x.id)).toMatchObject({ reason: expect.stringContaining('corrected or reversed') });

    await handle.db.update(records).set({ supersededAt: null }).where(eq(records.id, internalId));
    const retry = await applyException(handle.db, { exceptionId: x.id, actorId: approverId, now: NOW });
    expect(retry).toMatchObject({ status: 'applied', exception: { status: 'applied', version: 3 } });
    expect((await handle.db.select({ n: count() }).from(adjustments).where(eq(adjustments.exceptionId, x.id)))[0]!.n).toBe(1);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
  });

  it('refuses a second apply of two exceptions competing for one record: the second fails, the first stands', async () => {
    const a = await seedException(handle.db, 'duplicate');
    const b = await seedException(handle.db, 'duplicate');
    // Both name the same book entry, as two overlapping breaks would.
    const shared = a.internal[0]!.id;
    await handle.db.update(exceptionRecords).set({ recordId: shared }).where(eq(exceptionRecords.exceptionId, b.id));
    await handle.db.update(suggestions).set({ resolution: { action: 'reverse_entry', recordId: shared } }).where(eq(suggestions.exceptionId, b.id));
    const results = await Promise.all([a, b].map((x) => approveAndApply(handle.db, { exceptionId: x.id, actorId: approverId, now: NOW })));
    expect(results.map((r) => r.apply?.status).sort()).toEqual(['applied', 'apply_failed']);
    const reversals = await handle.db.select().from(adjustments).where(inArray(adjustments.exceptionId, [a.id, b.id]));
    expect(reversals).toHaveLength(1);
  });
});
