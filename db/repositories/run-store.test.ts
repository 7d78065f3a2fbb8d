import { randomUUID } from 'node:crypto';
import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CanonicalRecord } from '../../core/records/canonical-record.ts';
import type { DecisionKind } from '../../core/statuses.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import type { Database, DatabaseHandle } from '../client.ts';
import { decisions } from '../schema/decisions.ts';
import { exceptionRecords, exceptions } from '../schema/exceptions.ts';
import { matchGroupRecords, matchGroups } from '../schema/match-groups.ts';
import { reconciliations } from '../schema/reconciliations.ts';
import { records } from '../schema/records.ts';
import { auditLog } from '../schema/audit-log.ts';
import { runs } from '../schema/runs.ts';
import { suggestions } from '../schema/suggestions.ts';
import { users } from '../schema/users.ts';
import { createDbRunStore } from './run-store.ts';
import { feeResolution, testBreak, testRecord } from './run-test-support.ts';

let handle: DatabaseHandle;
let db: Database;
let reviewerId: string;
const NOW = new Date('2026-11-01T06:00:00.000Z');
const store = () => createDbRunStore(db, { now: () => NOW });

async function insertRecords(list: readonly CanonicalRecord[]): Promise<void> {
  await db.insert(records).values(list.map((r) => ({ id: r.id, side: r.side, account: r.account, date: r.date, amount: r.amount, currency: r.currency })));
}

/** A fee pair whose records exist: external −1015.00 against internal −1000.00. */
async function feePair(prefix: string) {
  const external = [testRecord(`${prefix}:e`, 'external', '-1015.00')];
  const internal = [testRecord(`${prefix}:i`, 'internal', '-1000.00')];
  await insertRecords([...external, ...internal]);
  return { external, internal };
}

async function startedRun(reconciliationId?: string): Promise<string> {
  const runId = randomUUID();
  await store().startRun({ runId, reconciliationId, domain: 'cash', asOf: '2026-10-31', mode: 'hybrid' });
  return runId;
}

const countWhere = async (table: typeof exceptions | typeof matchGroups, runId: string) =>
  (await db.select({ n: count() }).from(table).where(eq(table.runId, runId)))[0]!.n;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
  await db.insert(reconciliations).values({ id: 'operating-eur', name: 'Operating EUR', externalAccount: 'DE89370400440532013000', internalAccount: 'GL-1000' });
  const [user] = await db.insert(users).values({ email: 'rev@example.com', name: 'Reviewer', role: 'approver' }).returning();
  reviewerId = user!.id;
});
afterAll(async () => {
  await handle.close();
});

describe('createDbRunStore', () => {
  it('starts a run once, and marks it running again on a second start', async () => {
    const runId = randomUUID();
    const start = { runId, reconciliationId: 'operating-eur', domain: 'cash' as const, asOf: '2026-10-31', mode: 'rules' as const, jobId: 'job-1' };
    await store().startRun(start);
    await store().finishRun(runId, { status: 'failed', stats: {}, tokensIn: 0, tokensOut: 0, cost: '0', error: 'boom' });
    await store().startRun({ ...start, jobId: undefined });
    const rows = await db.select().from(runs).where(eq(runs.id, runId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'running', startedAt: NOW, finishedAt: null, error: null, jobId: 'job-1', mode: 'rules', asOf: '2026-10-31' });
    // Each start and finish is in the audit log, in order.
    const audit = await db.select({ action: auditLog.action, payload: auditLog.payload }).from(auditLog).where(eq(auditLog.entityId, runId)).orderBy(auditLog.seq);
    expect(audit.map((a) => a.action)).toEqual(['run.started', 'run.finished', 'run.started']);
    expect(audit[1]!.payload).toMatchObject({ status: 'failed', error: 'boom' });
  });

  it('refuses to start a run of an unknown reconciliation', async () => {
    await expect(store().startRun({ runId: randomUUID(), reconciliationId: 'nope', domain: 'cash', asOf: '2026-10-31', mode: 'rules' })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('"nope"'),
    });
  });

  it('stores match groups once, however often it is called', async () => {
    const runId = await startedRun();
    const { external, internal } = await feePair('m1');
    const group = { external: [external[0]!.id], internal: [internal[0]!.id], evidence: { pass: 'exact' as const, agreed: ['amount', 'reference'], differences: [], score: 1 } };
    await store().saveMatches(runId, [group]);
    await store().saveMatches(runId, [group]);
    const groups = await db.select().from(matchGroups).where(eq(matchGroups.runId, runId));
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ pass: 'exact', status: 'auto', score: '1', evidence: { agreed: ['amount', 'reference'] } });
    const members = await db.select().from(matchGroupRecords).where(eq(matchGroupRecords.groupId, groups[0]!.id)).orderBy(asc(matchGroupRecords.side));
    expect(members.map((m) => [m.recordId, m.side])).toEqual([
      ['m1:e', 'external'],
      ['m1:i', 'internal'],
    ]);
  });

  it('stores each break once with its records, first suggestion and the matching evidence', async () => {
    const runId = await startedRun('operating-eur');
    const pair = await feePair('b1');
    const batch = [testBreak({ id: 'b0', ...pair, difference: '-15.00' })];
    await store().saveBreaks(runId, batch);
    await store().saveBreaks(runId, batch);
    const rows = await db.select().from(exceptions).where(eq(exceptions.runId, runId));
    expect(rows).toHaveLength(1);
    const e = rows[0]!;
    expect(e).toMatchObject({
      breakKey: 'b0',
      reconciliationId: 'operating-eur',
      status: 'suggested',
      type: 'fee_deduction',
      cause: 'wire_fee_deducted',
      account: 'DE89370400440532013000',
      currency: 'EUR',
      amount: '1015.00',
      difference: '-15.00',
      confidence: '0.85',
      source: 'llm',
      verified: true,
      fingerprint: 'fp1:b0',
      currentSuggestionVersion: 1,
      version: 0,
      openedAt: NOW,
      evidence: { pass: 'tolerance', differences: [{ field: 'amount', delta: '-15.00' }] },
    });
    const links = await db.select().from(exceptionRecords).where(eq(exceptionRecords.exceptionId, e.id)).orderBy(asc(exceptionRecords.side));
    expect(links.map((l) => [l.recordId, l.side])).toEqual([
      ['b1:e', 'external'],
      ['b1:i', 'internal'],
    ]);
    const versions = await db.select().from(suggestions).where(eq(suggestions.exceptionId, e.id));
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({
      version: 1,
      action: 'match_with_adjustment',
      resolution: feeResolution(batch[0]!.context),
      rationale: 'Classification: The bank paid 15.00 less.\nRoot cause: A wire fee was deducted.\nResolution: Book the fee.',
      evidence: ['difference -15.00 = wire fee schedule'],
      confidence: '0.85',
      tokensIn: 150,
      tokensOut: 15,
      createdBy: 'llm:gpt-test',
      model: 'gpt-test',
      promptVersion: 'classify@1.0.0,rootCause@1.0.0,suggest@1.0.0',
      verification: { ok: true, checks: [{ name: 'balances', ok: true }] },
      fallbackReason: null,
    });
    expect(await db.select().from(decisions).where(eq(decisions.exceptionId, e.id))).toEqual([]);
  });

  it('stores the amount at stake as a non-negative figure and names rules suggestions "rules"', async () => {
    const runId = await startedRun();
    const internal = [testRecord('os:i1', 'internal', '-40.00'), testRecord('os:i2', 'internal', '-2.50')];
    await insertRecords(internal);
    await store().saveBreaks(runId, [
      testBreak({ id: 'b0', internal, shape: 'one_sided' }, { suggestion: { source: 'rules', model: undefined, fallbackReason: 'timeout', tokens: {}, promptVersion: 'rules@1' } }),
    ]);
    const [e] = await db.select().from(exceptions).where(eq(exceptions.runId, runId));
    // No reconciliation and no external record: the internal records' account.
    expect(e).toMatchObject({ amount: '42.50', difference: '42.50', account: 'GL-1000', source: 'rules' });
    const [s] = await db.select().from(suggestions).where(eq(suggestions.exceptionId, e!.id));
    expect(s).toMatchObject({ createdBy: 'rules', fallbackReason: 'timeout', tokensIn: 0, tokensOut: 0, model: null });
  });

  it('stores each break and group once when two writers persist the same run at the same time', async () => {
    const runId = await startedRun();
    const pair = await feePair('cc');
    const batch = [testBreak({ id: 'b0', ...pair })];
    const group = { external: ['cc:e'], internal: ['cc:i'], evidence: { pass: 'exact' as const, agreed: [], differences: [], score: 1 } };
    const other = createDbRunStore(db, { now: () => NOW });
    await Promise.all([store().saveBreaks(runId, batch), other.saveBreaks(runId, batch), store().saveMatches(runId, [group]), other.saveMatches(runId, [group])]);
    expect(await countWhere(exceptions, runId)).toBe(1);
    expect(await countWhere(matchGroups, runId)).toBe(1);
    const [e] = await db.select().from(exceptions).where(eq(exceptions.runId, runId));
    expect(await db.select().from(suggestions).where(eq(suggestions.exceptionId, e!.id))).toHaveLength(1);
  });

  it('approves auto-approved breaks with an auto_approve decision made by no one', async () => {
    const runId = await startedRun();
    const pair = await feePair('aa');
    await store().saveBreaks(runId, [testBreak({ id: 'b0', ...pair }, { autoApproved: true })]);
    await store().saveBreaks(runId, [testBreak({ id: 'b0', ...pair }, { autoApproved: true })]);
    const [e] = await db.select().from(exceptions).where(eq(exceptions.runId, runId));
    expect(e).toMatchObject({ status: 'approved', version: 1 });
    const made = await db.select().from(decisions).where(eq(decisions.exceptionId, e!.id));
    const [s] = await db.select().from(suggestions).where(eq(suggestions.exceptionId, e!.id));
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ kind: 'auto_approve', actorId: null, suggestionId: s!.id, suggestionVersion: 1 });
  });

  it('stores none of a batch when one break names a record that is not in the database', async () => {
    const runId = await startedRun();
    const pair = await feePair('fk');
    const ghost = [testRecord('ghost:e', 'external', '-5.00')];
    const failing = store().saveBreaks(runId, [testBreak({ id: 'b0', ...pair }), testBreak({ id: 'b1', external: ghost, shape: 'one_sided' })]);
    await expect(failing).rejects.toMatchObject({ code: 'validation_failed', message: expect.stringMatching(/break b1 names record "ghost:e", which is not in the records table/) });
    expect(await countWhere(exceptions, runId)).toBe(0);
  });

  it('refuses breaks and matches of a run that was never started', async () => {
    const pair = await feePair('nr');
    await expect(store().saveBreaks(randomUUID(), [testBreak({ id: 'b0', ...pair })])).rejects.toMatchObject({ code: 'not_found' });
    await expect(store().saveMatches(randomUUID(), [])).rejects.toMatchObject({ code: 'not_found' });
    await expect(store().finishRun(randomUUID(), { status: 'completed', stats: {}, tokensIn: 0, tokensOut: 0, cost: '0' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('records the totals when a run finishes', async () => {
    const runId = await startedRun();
    await store().finishRun(runId, { status: 'completed', stats: { breaks: 3, byPass: { exact: 10 } }, tokensIn: 1200, tokensOut: 340, cost: '0.012345' });
    const [run] = await db.select().from(runs).where(eq(runs.id, runId));
    expect(run).toMatchObject({ status: 'completed', stats: { breaks: 3, byPass: { exact: 10 } }, tokensIn: 1200, tokensOut: 340, cost: '0.012345', error: null, finishedAt: NOW });
  });
});

describe('rememberedDecisions', () => {
  /** Stores a break for `fingerprint` and returns its exception and first suggestion. */
  async function storedBreak(runId: string, key: string, fingerprint: string, amount = '-15.00', autoApproved = false) {
    const pair = await feePair(`${runId}:${key}`);
    const b = testBreak({ id: key, ...pair, fingerprint });
    await store().saveBreaks(runId, [{ ...b, autoApproved, suggestion: { ...b.suggestion, resolution: feeResolution(b.context, amount) } }]);
    const [e] = await db.select().from(exceptions).where(and(eq(exceptions.runId, runId), eq(exceptions.breakKey, key)));
    const [s] = await db.select().from(suggestions).where(eq(suggestions.exceptionId, e!.id));
    return { exceptionId: e!.id, suggestionId: s!.id, context: b.context };
  }

  /** A decision as the review workflow records it: the row, and the exception's status and current version. */
  async function decide(kind: DecisionKind, target: { exceptionId: string; suggestionId: string }, at: string, version = 1, carried = true) {
    await db.insert(decisions).values({ exceptionId: target.exceptionId, suggestionId: target.suggestionId, suggestionVersion: version, kind, actorId: reviewerId, createdAt: new Date(at) });
    const status = kind === 'approve' ? (carried ? 'approved' : 'suggested') : kind === 'reject' ? 'rejected' : kind === 'edit' ? 'edited' : 'escalated';
    await db.update(exceptions).set({ status, currentSuggestionVersion: version }).where(eq(exceptions.id, target.exceptionId));
  }

  it('returns the latest human approval per fingerprint with the number of agreeing approvals', async () => {
    const runId = await startedRun();
    const first = await storedBreak(runId, 'r1', 'fp:fee');
    const other = await storedBreak(runId, 'r2', 'fp:fee', '-20.00');
    const latest = await storedBreak(runId, 'r3', 'fp:fee');
    // Newer than every human approval, but the policy's: it must not count.
    await storedBreak(runId, 'r4', 'fp:fee', '-99.00', true);
    const rejected = await storedBreak(runId, 'r5', 'fp:fee', '-77.00');
    await decide('approve', first, '2026-09-01T10:00:00Z');
    await decide('approve', other, '2026-09-15T10:00:00Z');
    await decide('approve', latest, '2026-10-01T10:00:00Z');
    await decide('reject', rejected, '2026-10-20T10:00:00Z');
    // Only a machine ever approved this one.
    await storedBreak(runId, 'r6', 'fp:auto-only', '-15.00', true);

    const memory = await store().rememberedDecisions(['fp:fee', 'fp:auto-only', 'fp:unknown', 'fp:fee']);
    expect([...memory.keys()]).toEqual(['fp:fee']);
    expect(memory.get('fp:fee')).toEqual({
      fingerprint: 'fp:fee',
      type: 'fee_deduction',
      cause: 'wire_fee_deducted',
      resolution: feeResolution(latest.context),
      // r1 and r3 agree (same account and amount, other records); r2 booked another amount.
      approvals: 2,
    });
  });

  it('remembers the edited version a reviewer approved, not the one the machine proposed', async () => {
    const runId = await startedRun();
    const edited = await storedBreak(runId, 'e1', 'fp:edited');
    const [v2] = await db
      .insert(suggestions)
      .values({
        exceptionId: edited.exceptionId,
        version: 2,
        type: 'unbooked_fee',
        cause: 'bank_service_charge',
        action: 'post_journal',
        resolution: { action: 'post_journal', account: 'bank_charges', amount: '-15.00', currency: 'EUR' },
        confidence: '1',
        source: 'human',
        createdBy: reviewerId,
      })
      .returning();
    await decide('edit', { exceptionId: edited.exceptionId, suggestionId: v2!.id }, '2026-10-02T09:00:00Z', 2);
    await decide('approve', { exceptionId: edited.exceptionId, suggestionId: v2!.id }, '2026-10-02T10:00:00Z', 2);
    const memory = await store().rememberedDecisions(['fp:edited']);
    expect(memory.get('fp:edited')).toMatchObject({ type: 'unbooked_fee', cause: 'bank_service_charge', resolution: { action: 'post_journal', amount: '-15.00' }, approvals: 1 });
  });

  it('ignores an approval that did not carry its exception (the first of two needed)', async () => {
    const runId = await startedRun();
    const pending = await storedBreak(runId, 'p1', 'fp:pending');
    await decide('approve', pending, '2026-10-03T10:00:00Z', 1, false);
    expect((await store().rememberedDecisions(['fp:pending'])).size).toBe(0);
  });

  it('answers an empty question without a query', async () => {
    expect((await store().rememberedDecisions([])).size).toBe(0);
  });
});
