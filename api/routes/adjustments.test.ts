import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADJUSTMENT_CSV_HEADER } from '../../core/apply/adjustments-csv.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { approveAndApply } from '../../db/repositories/decisions-approval-flow.ts';
import { adjustments } from '../../db/schema/adjustments.ts';
import { seedException, type ReviewScenario } from '../../db/testing/review-test-data.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import { testCaller, type TestCaller } from '../testing/test-auth.ts';
import { decisionsTestApp } from './decisions-test-app.ts';

let handle: DatabaseHandle;
let app: Hono;
let viewer: TestCaller, approver: TestCaller;
const applied: Record<string, { exceptionId: string; adjustmentId: string | null }> = {};
const EXPORT_TIME = new Date('2026-11-05T12:00:00.000Z');

async function applyAt(name: string, scenario: ReviewScenario, at: string, suggestion?: Parameters<typeof seedException>[2]) {
  const x = await seedException(handle.db, scenario, suggestion);
  const result = await approveAndApply(handle.db, { exceptionId: x.id, actorId: approver.userId, now: new Date(at) });
  applied[name] = { exceptionId: x.id, adjustmentId: result.apply?.status === 'applied' ? result.apply.adjustmentId : null };
}

beforeAll(async () => {
  handle = await openTestDatabase();
  app = decisionsTestApp(handle, { clock: () => EXPORT_TIME });
  [viewer, approver] = await Promise.all([testCaller(handle.db, 'viewer'), testCaller(handle.db, 'approver')]);
  await applyAt('fee', 'fee', '2026-11-01T10:00:00.000Z');
  await applyAt('confirm', 'confirm', '2026-11-02T10:00:00.000Z');
  await applyAt('journal', 'unbooked_fee', '2026-11-03T10:00:00.000Z', {
    suggestion: { resolution: { action: 'post_journal', account: 'bank_charges', amount: '-25.00', currency: 'EUR', memo: '=HYPERLINK("http://x", "fee, monthly")' } },
  });
  await applyAt('reversal', 'duplicate', '2026-11-04T10:00:00.000Z');
});
afterAll(async () => {
  await handle.close();
});

async function get(path: string, who: TestCaller | null = viewer) {
  return app.request(`/api${path}`, { headers: who?.headers ?? {} });
}
async function list(query: string) {
  const res = await get(`/adjustments${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { items: { id: string; kind: string; exportedAt: string | null; lines: { amount: string }[] }[]; nextCursor: string | null };
}

describe('GET /api/adjustments', () => {
  it('lists entries newest first with their lines, filtered by reconciliation and date range', async () => {
    const all = await list('?reconciliation=review-eur');
    expect(all.items.map((i) => i.kind)).toEqual(['reversal', 'journal', 'match', 'journal']);
    expect(all.items[3]!.lines.map((l) => l.amount)).toEqual(['-15.00', '15.00']);
    expect((await list('?from=2026-11-02&to=2026-11-03')).items.map((i) => i.id)).toEqual([applied.journal!.adjustmentId, applied.confirm!.adjustmentId]);
    expect((await list('?reconciliation=other')).items).toEqual([]);
  });

  it('pages with a cursor, never repeating or skipping', async () => {
    const first = await list('?limit=3');
    expect(first.items).toHaveLength(3);
    const second = await list(`?limit=3&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ nextCursor: null });
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual((await list('')).items.map((i) => i.id));
  });

  it('answers 400 for a bad cursor, date or range and 401 without a token', async () => {
    expect((await get('/adjustments?cursor=abc')).status).toBe(400);
    expect((await get('/adjustments?from=2026-13-01')).status).toBe(400);
    expect((await get('/adjustments?from=2026-11-05&to=2026-11-01')).status).toBe(400);
    expect((await get('/adjustments', null)).status).toBe(401);
  });
});

describe('GET /api/adjustments/export.csv', () => {
  it('is for approvers', async () => {
    expect((await get('/adjustments/export.csv')).status).toBe(403);
  });

  it('writes one line per journal line, marks the entries exported, then exports only new ones; ?all=1 again', async () => {
    const res = await get('/adjustments/export.csv', approver);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const csv = await res.text();
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe(ADJUSTMENT_CSV_HEADER.join(','));
    const fee = applied.fee!;
    expect(rows).toContain(`${fee.adjustmentId},1,2026-10-31,GL-1000,,-15.00,EUR,Match with adjustment to bank_charges (exception ${fee.exceptionId}),${fee.exceptionId}`);
    expect(rows).toContain(`${fee.adjustmentId},2,2026-10-31,6810,bank_charges,15.00,EUR,Match with adjustment to bank_charges (exception ${fee.exceptionId}),${fee.exceptionId}`);
    // A memo a spreadsheet would run is quoted and made inert.
    expect(rows).toContain(`${applied.journal!.adjustmentId},1,2026-10-31,GL-1000,,-25.00,EUR,"'=HYPERLINK(""http://x"", ""fee, monthly"")",${applied.journal!.exceptionId}`);
    // 3 entries with lines × 2 lines; the confirmed match has none.
    expect(rows.filter((r) => r !== '')).toHaveLength(1 + 6);
    expect(csv).not.toContain(applied.confirm!.adjustmentId!);
    expect(res.headers.get('x-recon-entries')).toBe('3');

    const exported = await handle.db.select().from(adjustments).where(eq(adjustments.id, fee.adjustmentId!));
    expect(exported[0]!.exportedAt).toEqual(EXPORT_TIME);
    expect((await list('?exported=false')).items.map((i) => i.kind)).toEqual(['match']);

    const next = await (await get('/adjustments/export.csv', approver)).text();
    expect(next).toBe(`${ADJUSTMENT_CSV_HEADER.join(',')}\r\n`);

    await applyAt('late', 'unbooked_fee', '2026-11-06T10:00:00.000Z');
    const late = await get('/adjustments/export.csv', approver);
    expect(late.headers.get('x-recon-entries')).toBe('1');
    expect(await late.text()).toContain(applied.late!.adjustmentId!);

    const again = await get('/adjustments/export.csv?all=1', approver);
    expect(again.headers.get('x-recon-lines')).toBe('8');
    expect((await handle.db.select().from(adjustments).where(eq(adjustments.id, fee.adjustmentId!)))[0]!.exportedAt).toEqual(EXPORT_TIME);
  });
});
