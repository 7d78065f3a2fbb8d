import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.ts';
import { seedExceptionQueue, type SeededQueue } from '../../db/repositories/exceptions-test-support.ts';
import { adjustmentLines, adjustments } from '../../db/schema/adjustments.ts';
import { decisions } from '../../db/schema/decisions.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import { createApp } from '../app.ts';
import { testCaller, type TestCaller } from '../testing/test-auth.ts';
import { testApiDeps } from '../testing/test-deps.ts';

interface Item {
  id: string;
  status: string;
  type: string;
  cause: string | null;
  account: string;
  source: string | null;
  amount: string;
  confidence: string | null;
  verified: boolean;
  openedAt: string;
  ageDays: number;
  suggestedAction: string | null;
  runId: string;
}
interface Page {
  items: Item[];
  nextCursor: string | null;
}

interface Detail {
  exception: Record<string, unknown>;
  records: { external: Record<string, unknown>[]; internal: Record<string, unknown>[] };
  fieldDiffs: { field: string; external: string[]; internal: string[]; differs: boolean }[];
  totals: Record<string, string>;
  evidence: { match: Record<string, unknown>; suggestion: string[] };
  suggestion: Record<string, unknown> | null;
  versions: unknown[];
  decisions: unknown[];
  effects: unknown[];
}

const START = new Date('2026-10-01T08:00:00.000Z');
const NOW = new Date('2026-10-11T08:30:00.000Z');
let db: DatabaseHandle;
let viewer: TestCaller;
let queue: SeededQueue;
let other: SeededQueue;
let all: Item[];

const app = () => createApp(testApiDeps(db, { clock: () => NOW }));
async function get(path: string, caller: TestCaller | null = viewer) {
  return app().request(path, { headers: caller?.headers ?? {} });
}
async function page(query: string): Promise<Page> {
  const res = await get(`/api/exceptions?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Page;
}
async function walk(query: string, limit: number): Promise<Item[]> {
  const out: Item[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const p: Page = await page(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    out.push(...p.items);
    expect(p.items.length).toBeLessThanOrEqual(limit);
    cursor = p.nextCursor;
    if (!cursor) return out;
  }
  throw new Error('too many pages');
}

beforeAll(async () => {
  db = await openTestDatabase();
  viewer = await testCaller(db.db, 'viewer');
  queue = await seedExceptionQueue(db.db, { count: 31, start: START });
  other = await seedExceptionQueue(db.db, { count: 4, start: new Date('2026-10-10T00:00:00.000Z') });
  all = (await page(`run=${queue.runId}&limit=500`)).items;
});
afterAll(async () => {
  await db.close();
});

describe('GET /api/exceptions', () => {
  it('lists a run’s exceptions oldest first with the suggested action in words', () => {
    expect(all).toHaveLength(33);
    expect(all[0]!.openedAt).toBe(START.toISOString());
    expect(all[0]!.ageDays).toBe(10);
    const fee = all.find((i) => i.type === 'fee_deduction')!;
    expect(fee).toMatchObject({ suggestedAction: 'Match with adjustment', account: 'DE89370400440532013000', runId: queue.runId });
    expect(all.find((i) => i.type === 'timing_difference')!.suggestedAction).toBe('Carry forward');
    expect(all.filter((i) => i.confidence === null).map((i) => i.suggestedAction)).toEqual([null, null]);
  });

  it('narrows the list by each filter exactly as the filter says', async () => {
    const cases: [string, (i: Item) => boolean][] = [
      ['status=approved', (i) => i.status === 'approved'],
      ['status=open,approved', (i) => i.status === 'open' || i.status === 'approved'],
      ['status=open&status=suggested', (i) => i.status === 'open' || i.status === 'suggested'],
      ['type=fee_deduction', (i) => i.type === 'fee_deduction'],
      ['cause=posting_lag', (i) => i.cause === 'posting_lag'],
      ['source=rules', (i) => i.source === 'rules'],
      ['verified=true', (i) => i.verified],
      ['verified=false', (i) => !i.verified],
      ['minConfidence=0.7', (i) => i.confidence !== null && Number(i.confidence) >= 0.7],
      ['maxConfidence=0.6', (i) => i.confidence !== null && Number(i.confidence) <= 0.6],
      ['minAmount=150&maxAmount=200.00', (i) => Number(i.amount) >= 150 && Number(i.amount) <= 200],
      ['openedAfter=2026-10-01T10:00:00Z', (i) => i.openedAt > '2026-10-01T10:00:00.000Z'],
      ['openedBefore=2026-10-01T10:00:00%2B00:00', (i) => i.openedAt < '2026-10-01T10:00:00.000Z'],
      ['minAgeDays=10', (i) => i.openedAt <= '2026-10-01T08:30:00.000Z'],
      ['maxAgeDays=9', (i) => i.openedAt > '2026-10-01T08:30:00.000Z'],
      ['account=DE89370400440532013000&type=missing_internal', (i) => i.type === 'missing_internal'],
    ];
    for (const [query, keep] of cases) {
      const expected = all.filter(keep).map((i) => i.id);
      expect(expected.length, query).toBeGreaterThan(0);
      expect(expected.length, query).toBeLessThan(all.length);
      const got = (await page(`run=${queue.runId}&${query}&limit=500`)).items.map((i) => i.id);
      expect(got, query).toEqual(expected);
    }
    expect((await page(`account=nowhere&limit=500`)).items).toEqual([]);
    const otherRun = (await page(`run=${other.runId}`)).items;
    expect(otherRun.map((i) => i.id).sort()).toEqual([...other.ids, ...other.bare].sort());
  });

  it('answers requests of one statement shape with their own values, and each shape with its own statement', async () => {
    const account = all[0]!.account;
    const expected = all.filter((i) => i.account === account).map((i) => i.id);
    const accountsWith = (extra: number) => [account, ...Array.from({ length: extra }, (_, k) => `NOPE${k}`)].join(',');
    for (const extra of [0, 1, 2, 99, 1, 0]) {
      const got = (await page(`run=${queue.runId}&account=${accountsWith(extra)}&limit=500`)).items.map((i) => i.id);
      expect(got, `${extra} extra accounts`).toEqual(expected);
    }
    for (const type of ['fee_deduction', 'missing_internal', 'fee_deduction']) {
      const got = (await page(`run=${queue.runId}&type=${type}&limit=500`)).items.map((i) => i.id);
      expect(got, type).toEqual(all.filter((i) => i.type === type).map((i) => i.id));
    }
  });

  it('sorts by age, amount and confidence either way, with ties broken by id', async () => {
    const key = { openedAt: (i: Item) => i.openedAt, amount: (i: Item) => Number(i.amount), confidence: (i: Item) => (i.confidence === null ? Infinity : Number(i.confidence)) };
    for (const sort of ['openedAt', 'amount', 'confidence'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const sign = order === 'asc' ? 1 : -1;
        const expected = [...all].sort((a, b) => {
          const ka = key[sort](a);
          const kb = key[sort](b);
          return sign * (ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : 1);
        });
        const got = (await page(`run=${queue.runId}&sort=${sort}&order=${order}&limit=500`)).items;
        expect(got.map((i) => i.id), `${sort} ${order}`).toEqual(expected.map((i) => i.id));
      }
    }
    expect((await page(`run=${queue.runId}&sort=age&order=desc&limit=500`)).items[0]!.openedAt).toBe(all.at(-1)!.openedAt);
  });

  it('walks every row exactly once through cursor pages, under ties, in every sort', async () => {
    for (const sort of ['openedAt', 'amount', 'confidence'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        for (const limit of sort === 'openedAt' && order === 'asc' ? [1, 4] : [4]) {
          const walked = await walk(`run=${queue.runId}&sort=${sort}&order=${order}`, limit);
          const full = (await page(`run=${queue.runId}&sort=${sort}&order=${order}&limit=500`)).items;
          expect(walked.map((i) => i.id), `${sort} ${order} ${limit}`).toEqual(full.map((i) => i.id));
          expect(new Set(walked.map((i) => i.id)).size).toBe(all.length);
        }
      }
    }
    const filtered = await walk(`run=${queue.runId}&status=suggested&type=fee_deduction`, 2);
    expect(filtered.map((i) => i.id)).toEqual(all.filter((i) => i.status === 'suggested' && i.type === 'fee_deduction').map((i) => i.id));
  });

  it('answers 400 for bad filters, sorts, limits and cursors; 401 without a token', async () => {
    const res = await get('/api/exceptions?status=bogus&limit=0&minAmount=1,5&sort=name&run=x&minConfidence=2');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { issues: { field: string }[] } };
    expect(body.error.issues.map((i) => i.field).sort()).toEqual(['query.limit', 'query.minAmount', 'query.minConfidence', 'query.run', 'query.sort', 'query.status.0']);
    expect((await get('/api/exceptions?limit=501')).status).toBe(400);
    expect((await get('/api/exceptions?minAmount=200&maxAmount=100')).status).toBe(400);
    expect((await get('/api/exceptions?cursor=garbage')).status).toBe(400);
    const p = await page(`run=${queue.runId}&limit=2`);
    const wrongSort = await get(`/api/exceptions?run=${queue.runId}&sort=amount&cursor=${p.nextCursor}`);
    expect(wrongSort.status).toBe(400);
    expect(await wrongSort.json()).toMatchObject({ error: { issues: [{ field: 'query.cursor' }] } });
    const forged = Buffer.from(JSON.stringify(['openedAt:asc', "'; drop table exceptions; --", all[0]!.id])).toString('base64url');
    expect((await get(`/api/exceptions?cursor=${forged}`)).status).toBe(400);
    expect((await get('/api/exceptions', null)).status).toBe(401);
  });
});

describe('GET /api/exceptions/:id', () => {
  it('shows both sides’ records, the differences, evidence, suggestion history, decisions and effects', async () => {
    const feeIndex = 21; // fee_deduction (21 % 3 === 0), auto-approved (21 % 7 === 0)
    const id = queue.ids[feeIndex]!;
    const [decision] = await db.db.select().from(decisions).where(eq(decisions.exceptionId, id));
    const [adjustment] = await db.db.insert(adjustments).values({ exceptionId: id, decisionId: decision!.id, kind: 'journal', currency: 'EUR', memo: 'wire fee' }).returning();
    await db.db.insert(adjustmentLines).values([
      { adjustmentId: adjustment!.id, lineNo: 2, accountRole: 'bank_charges', glCode: '6800', amount: '15.00' },
      { adjustmentId: adjustment!.id, lineNo: 1, glCode: '1000', amount: '-15.00' },
    ]);
    const res = await get(`/api/exceptions/${id}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Detail;
    expect(body.exception).toMatchObject({ id, status: 'approved', type: 'fee_deduction', typeLabel: expect.any(String), suggestedAction: 'Match with adjustment', currency: 'EUR' });
    expect(body.records.external).toHaveLength(1);
    expect(body.records.internal).toHaveLength(1);
    expect(body.records.external[0]).toMatchObject({ amount: '-150.00', reference: `REF-${feeIndex}`, side: 'external' });
    const byField = Object.fromEntries(body.fieldDiffs.map((d) => [d.field, d.differs]));
    expect(byField).toMatchObject({ amount: true, counterparty: true, reference: false, date: false, currency: false });
    expect(body.totals).toEqual({ external: '-150.00', internal: '-135.00', difference: '-15.00' });
    expect(body.evidence.match).toMatchObject({ pass: 'tolerance', differences: [{ field: 'amount' }] });
    expect(body.evidence.suggestion).toEqual(['difference -15.00 = wire fee schedule']);
    expect(body.suggestion).toMatchObject({ version: 1, actionLabel: 'Match with adjustment', rationale: expect.stringContaining('Root cause:') });
    expect(body.versions).toHaveLength(1);
    expect(body.decisions).toMatchObject([{ kind: 'auto_approve', actorId: null, suggestionVersion: 1 }]);
    expect(body.effects).toMatchObject([{ kind: 'journal', memo: 'wire fee', lines: [{ lineNo: 1, amount: '-15.00' }, { lineNo: 2, accountRole: 'bank_charges' }] }]);
  });

  it('shows a one-sided exception with nothing opposite, and a bare one without a suggestion', async () => {
    const one = (await (await get(`/api/exceptions/${queue.ids[1]}`)).json()) as Detail;
    expect(one.records.internal).toEqual([]);
    expect(one.fieldDiffs.find((d) => d.field === 'amount')).toMatchObject({ internal: [], differs: true });
    const bare = (await (await get(`/api/exceptions/${queue.bare[0]}`)).json()) as Detail;
    expect(bare).toMatchObject({ suggestion: null, versions: [], decisions: [], effects: [], records: { external: [], internal: [] } });
  });

  it('answers 404 for an unknown id, 400 for a malformed one, 401 without a token', async () => {
    expect((await get('/api/exceptions/0b6f2a3e-8d1c-4c1e-9a57-3f6d2a1b9c00')).status).toBe(404);
    expect((await get('/api/exceptions/not-a-uuid')).status).toBe(400);
    expect((await get(`/api/exceptions/${queue.ids[0]}`, null)).status).toBe(401);
  });
});
