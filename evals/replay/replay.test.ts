/**
 * Reviewer decisions as cases, end to end on a real database: a generated
 * batch runs through the graph into the database store, people approve one
 * suggestion as it is, edit and approve another, reject a third; the export
 * turns them into valid cases, and the replay scores the current system
 * against what they decided.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SETTINGS } from '../../agents/agent-ports.ts';
import { rulesAgents } from '../../agents/rules-agents.ts';
import { runBatch } from '../../agents/run-batch.ts';
import { caseSides } from '../../agents/testing/case-batch.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { approveException, decideWithReason } from '../../db/repositories/decisions-repository.ts';
import { editException } from '../../db/repositories/decisions-edit.ts';
import { storeImport } from '../../db/repositories/imports-repository.ts';
import { createDbRunStore } from '../../db/repositories/run-store.ts';
import { createUser } from '../../db/repositories/users-repository.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import { evalCaseSchema } from '../case-schema.ts';
import { generateCases } from '../generator/generate-cases.ts';
import { predictCases } from '../runner/run-cases.ts';
import { exportDecisions } from './export-decisions.ts';
import { scoreReplay } from './replay-score.ts';

let db: DatabaseHandle;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

describe('replay of reviewer decisions', () => {
  it('exports approved, edited and rejected exceptions as valid cases and scores the system against them', async () => {
    const [c] = generateCases({ cases: 1, seed: 41, breaksPerCase: 19, matchesPerCase: 2 });
    const prefix = randomUUID().slice(0, 8);
    // Record ids are global in the database: prefix them so the test can run beside others.
    const rename = (id: string) => `${prefix}-${id}`;
    const sides = caseSides(c!);
    const external = sides.external.map((r) => ({ ...r, id: rename(r.id) }));
    const internal = sides.internal.map((r) => ({ ...r, id: rename(r.id) }));
    for (const [side, list] of [['external', external], ['internal', internal]] as const) {
      await storeImport(db.db, { format: 'json', side, account: list[0]!.account, fileName: `${side}.json`, sha256: randomUUID(), records: list });
    }
    const runId = randomUUID();
    await runBatch({ deps: { store: createDbRunStore(db.db), rules: rulesAgents, loadRecords: async () => ({ external, internal }), clock: () => new Date() }, settings: DEFAULT_RUN_SETTINGS, input: { runId, domain: 'cash', asOf: c!.asOf } });
    const rows = await db.db.query.exceptions.findMany({ where: (t, { eq }) => eq(t.runId, runId), orderBy: (t, { asc }) => [asc(t.breakKey)] });
    const maker = await createUser(db.db, { email: `${prefix}-m@example.test`, name: 'Maker', role: 'approver' });
    const checker = await createUser(db.db, { email: `${prefix}-c@example.test`, name: 'Checker', role: 'approver' });
    const now = new Date();
    const fee = rows.find((r) => r.type === 'unbooked_fee')!;
    const pair = rows.find((r) => r.type === 'fee_deduction')!;
    const other = rows.find((r) => r !== fee && r !== pair)!;
    await approveException(db.db, { exceptionId: fee.id, actorId: checker.id, now });
    // A reviewer turns the fee deduction into an escalation, a second approver approves it.
    await editException(db.db, { exceptionId: pair.id, actorId: maker.id, now, resolution: { action: 'escalate', reason: 'The customer disputes the fee.' } });
    await approveException(db.db, { exceptionId: pair.id, actorId: checker.id, now: new Date(now.getTime() + 1000) });
    await decideWithReason(db.db, 'reject', { exceptionId: other.id, actorId: checker.id, now, reason: 'wrong pairing' });

    const { cases, skipped } = await exportDecisions(db.db);
    expect(skipped, JSON.stringify(skipped)).toEqual([]);
    const mine = cases.filter((x) => x.replay && [fee.id, pair.id, other.id].includes(x.replay.exceptionId));
    expect(mine.map((x) => x.replay!.decision).sort()).toEqual(['approved', 'edited', 'rejected']);
    for (const x of mine) expect(evalCaseSchema.safeParse(x).success).toBe(true);
    const edited = mine.find((x) => x.replay!.decision === 'edited')!;
    expect(edited.expected.breaks[0]!.resolution).toEqual({ action: 'escalate', reason: 'The customer disputes the fee.' });
    expect(edited.replay!.suggested.resolution.action).toBe('match_with_adjustment');
    expect(mine.find((x) => x.replay!.decision === 'rejected')!.expected.breaks[0]).toMatchObject({ cause: 'unknown', resolution: { action: 'escalate' } });

    const predictions = await predictCases(mine, { mode: 'rules', deps: { rules: rulesAgents, clock: () => new Date() }, settings: DEFAULT_RUN_SETTINGS });
    const replay = scoreReplay(mine, predictions)!;
    expect(replay.byDecision).toEqual({ approved: 1, edited: 1, rejected: 1 });
    // The rules still propose what was approved as is, not the people's edit (action differs: one field), and repeat the rejected suggestion.
    expect(replay.acceptedAsIs).toBe(0.5);
    expect(replay.meanEditDistance).toBeGreaterThanOrEqual(0.5);
    expect(replay.rejectedRepeated).toBe(1);
  });
});
