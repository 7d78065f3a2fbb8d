import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.ts';
import { decisions } from '../../db/schema/decisions.ts';
import { exceptions, type NewException } from '../../db/schema/exceptions.ts';
import { reconciliations } from '../../db/schema/reconciliations.ts';
import { runs, type NewRun } from '../../db/schema/runs.ts';
import { suggestions } from '../../db/schema/suggestions.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import type { DecisionKind, ExceptionStatus, SuggestionSource } from '../../core/statuses.ts';
import type { BreakType } from '../../core/taxonomy/index.ts';
import { createApp } from '../app.ts';
import { testCaller, type TestCaller } from '../testing/test-auth.ts';
import { testApiDeps } from '../testing/test-deps.ts';

const NOW = new Date('2026-11-10T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

let db: DatabaseHandle;
let viewer: TestCaller;
let reviewer: TestCaller;

const match = (externalRecords: number, internalRecords: number, matchedRecords: number) => ({ match: { externalRecords, internalRecords, matchedRecords, matchGroups: 0, byPass: {} } });

async function run(values: Omit<NewRun, 'mode'>): Promise<string> {
  const [row] = await db.db.insert(runs).values({ mode: 'hybrid', ...values }).returning({ id: runs.id });
  return row!.id;
}

interface SeedException {
  readonly type: BreakType;
  readonly status: ExceptionStatus;
  readonly currency: string;
  readonly amount: string;
  readonly openedAt: Date;
  readonly asOf?: string;
  /** Sources of suggestion versions 1, 2, … */
  readonly versions?: readonly SuggestionSource[];
  readonly decided?: readonly DecisionKind[];
}

async function exception(runId: string, e: SeedException): Promise<void> {
  const values: NewException = { runId, reconciliationId: 'ops', asOf: e.asOf ?? '2026-11-03', type: e.type, status: e.status, account: 'DE01', currency: e.currency, amount: e.amount, difference: e.amount, openedAt: e.openedAt };
  const [row] = await db.db.insert(exceptions).values(values).returning({ id: exceptions.id });
  const id = row!.id;
  for (const [i, source] of (e.versions ?? []).entries()) {
    await db.db.insert(suggestions).values({ exceptionId: id, version: i + 1, type: e.type, cause: 'posting_lag', action: 'carry_forward', resolution: { action: 'carry_forward' } as never, confidence: '0.8', source, createdBy: source === 'human' ? reviewer.userId : 'rules' });
  }
  for (const kind of e.decided ?? []) {
    await db.db.insert(decisions).values({ exceptionId: id, kind, actorId: kind === 'auto_approve' ? null : reviewer.userId });
  }
}

beforeAll(async () => {
  db = await openTestDatabase();
  [viewer, reviewer] = await Promise.all([testCaller(db.db, 'viewer'), testCaller(db.db, 'reviewer')]);
  await db.db.insert(reconciliations).values([
    { id: 'ops', name: 'Ops', externalAccount: 'DE01', internalAccount: 'GL-1000' },
    { id: 'fx', name: 'FX', externalAccount: 'US01', internalAccount: 'GL-2000' },
  ]);
  // 1 Nov: ops ran twice (the rerun's figures count), fx once.
  await run({ reconciliationId: 'ops', asOf: '2026-11-01', status: 'completed', stats: match(10, 10, 16), cost: '0.0100', tokensIn: 100, tokensOut: 50, finishedAt: new Date('2026-11-02T01:00:00Z') });
  await run({ reconciliationId: 'ops', asOf: '2026-11-01', status: 'completed', stats: match(10, 10, 18), cost: '0.0025', tokensIn: 20, tokensOut: 10, finishedAt: new Date('2026-11-02T03:00:00Z') });
  await run({ reconciliationId: 'fx', asOf: '2026-11-01', status: 'completed', stats: match(5, 3, 6), cost: '0', finishedAt: new Date('2026-11-02T02:00:00Z') });
  // 2 Nov: a failed run costs money but has no match rate.
  await run({ reconciliationId: 'ops', asOf: '2026-11-02', status: 'failed', cost: '0.0040', tokensIn: 40, tokensOut: 20 });
  const nov3 = await run({ reconciliationId: 'ops', asOf: '2026-11-03', status: 'completed', stats: match(20, 20, 30), cost: '1.5', tokensIn: 1000, tokensOut: 500, finishedAt: new Date('2026-11-04T01:00:00Z') });
  // Outside the range asked for below.
  const oct = await run({ reconciliationId: 'ops', asOf: '2026-10-01', status: 'completed', stats: match(4, 4, 8), cost: '9', finishedAt: new Date('2026-10-02T01:00:00Z') });

  await exception(nov3, { type: 'fee_deduction', status: 'open', currency: 'EUR', amount: '15.00', openedAt: hoursAgo(2), versions: ['human'], decided: ['edit'] });
  await exception(nov3, { type: 'fee_deduction', status: 'suggested', currency: 'EUR', amount: '100.50', openedAt: hoursAgo(48), versions: ['memory'] });
  await exception(nov3, { type: 'timing_difference', status: 'escalated', currency: 'USD', amount: '7.25', openedAt: hoursAgo(5 * 24), versions: ['cache'], decided: ['escalate'] });
  await exception(nov3, { type: 'timing_difference', status: 'applied', currency: 'EUR', amount: '1000.00', openedAt: hoursAgo(1), versions: ['llm'], decided: ['approve'] });
  await exception(nov3, { type: 'missing_internal', status: 'approved', currency: 'EUR', amount: '50.00', openedAt: hoursAgo(1), versions: ['rules'], decided: ['auto_approve'] });
  await exception(nov3, { type: 'duplicate_entry', status: 'rejected', currency: 'EUR', amount: '0.10', openedAt: hoursAgo(40 * 24), versions: ['llm'], decided: ['reject'] });
  await exception(nov3, { type: 'sign_error', status: 'apply_failed', currency: 'USD', amount: '2.75', openedAt: hoursAgo(10 * 24), versions: ['rules', 'human'], decided: ['edit', 'approve'] });
  // Applied and outside the range: counts neither as open nor among the decisions.
  await exception(oct, { type: 'sign_error', status: 'applied', currency: 'EUR', amount: '5.00', openedAt: hoursAgo(900), asOf: '2026-10-01', versions: ['llm'], decided: ['approve'] });
});
afterAll(async () => {
  await db.close();
});

const get = (query: string, headers: Record<string, string> = viewer.headers) => createApp(testApiDeps(db, { clock: () => NOW })).request(`/api/dashboard${query}`, { headers });

describe('GET /api/dashboard', () => {
  it('sums the nights of the range, the open exceptions now and the decisions per source', async () => {
    const res = await get('?from=2026-11-01&to=2026-11-07');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      range: { from: '2026-11-01', to: '2026-11-07' },
      // 1 Nov: ops' rerun 18/20 plus fx 6/8; the first ops run is replaced, not added.
      matchRate: [
        { night: '2026-11-01', matchedRecords: 24, totalRecords: 28, runs: 2 },
        { night: '2026-11-03', matchedRecords: 30, totalRecords: 40, runs: 1 },
      ],
      llmCost: [
        { night: '2026-11-01', cost: '0.0125', tokensIn: 120, tokensOut: 60, runs: 3 },
        { night: '2026-11-02', cost: '0.0040', tokensIn: 40, tokensOut: 20, runs: 1 },
        { night: '2026-11-03', cost: '1.5', tokensIn: 1000, tokensOut: 500, runs: 1 },
      ],
      // Most first; ties in the taxonomy's order.
      openByType: [
        { type: 'fee_deduction', count: 2 },
        { type: 'timing_difference', count: 1 },
        { type: 'sign_error', count: 1 },
        { type: 'duplicate_entry', count: 1 },
      ],
      openByAge: [
        { bucket: '0-1d', count: 1 },
        { bucket: '1-3d', count: 1 },
        { bucket: '3-7d', count: 1 },
        { bucket: '7-30d', count: 1 },
        { bucket: '30d+', count: 1 },
      ],
      moneyAtRisk: [
        { currency: 'EUR', amount: '115.60', count: 3 },
        { currency: 'USD', amount: '10.00', count: 2 },
      ],
      // Escalated-only (cache), undecided (memory) and person-written first versions are not counted.
      decisionsBySource: [
        { source: 'llm', approved: 1, edited: 0, rejected: 1 },
        { source: 'rules', approved: 1, edited: 1, rejected: 0 },
      ],
    });
  });

  it('defaults to the nights up to the newest run, and takes a count of nights', async () => {
    const body = (await (await get('')).json()) as { range: unknown; llmCost: { night: string }[] };
    expect(body.range).toEqual({ from: '2026-10-05', to: '2026-11-03' });
    expect(body.llmCost.map((n) => n.night)).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
    const two = (await (await get('?nights=2')).json()) as { range: unknown; matchRate: { night: string }[] };
    expect(two.range).toEqual({ from: '2026-11-02', to: '2026-11-03' });
    expect(two.matchRate.map((n) => n.night)).toEqual(['2026-11-03']);
    const wide = (await (await get('?nights=60')).json()) as { matchRate: { night: string; matchedRecords: number }[] };
    expect(wide.matchRate[0]).toEqual({ night: '2026-10-01', matchedRecords: 8, totalRecords: 8, runs: 1 });
  });

  it('refuses a bad range with every field named, and callers without a token', async () => {
    const bad = await get('?from=2026-11-08&to=2026-11-01&nights=0');
    expect(bad.status).toBe(400);
    const fields = ((await bad.json()) as { error: { issues: { field?: string; path?: string }[] } }).error.issues.map((i) => i.field ?? i.path);
    expect(fields).toEqual(expect.arrayContaining(['query.nights']));
    expect((await get('?from=2026-11-08&to=2026-11-01')).status).toBe(400);
    expect((await get('?from=2025-01-01&to=2026-11-01')).status).toBe(400);
    expect((await get('', { 'x-request-id': randomUUID() })).status).toBe(401);
  });
});
