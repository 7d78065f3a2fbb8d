import { afterEach, describe, expect, it, vi } from 'vitest';
import { BULK_APPROVE_BATCH, bulkApprove, PartialBulkApproval } from './exceptions-api.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('bulk approval', () => {
  it('sends at most 500 ids per call and merges the answers', async () => {
    const bodies: { ids: string[] }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init?: RequestInit) => {
        const body = JSON.parse(String(init?.body)) as { ids: string[] };
        bodies.push(body);
        const [first, ...rest] = body.ids;
        return new Response(JSON.stringify({ approved: rest.map((id) => ({ id, status: 'applied', version: 2 })), pending: [], skipped: [{ id: first, reason: 'unverified', message: 'not verified' }], remaining: 0 }), { status: 200, headers: { 'content-type': 'application/json' } });
      }),
    );
    const ids = Array.from({ length: 1_200 }, (_, i) => `id-${i}`);
    const merged = await bulkApprove(ids);
    expect(bodies.map((b) => b.ids.length)).toEqual([BULK_APPROVE_BATCH, BULK_APPROVE_BATCH, 200]);
    expect(bodies.flatMap((b) => b.ids)).toEqual(ids);
    expect(merged.approved).toHaveLength(1_197);
    expect(merged.skipped.map((s) => s.id)).toEqual(['id-0', 'id-500', 'id-1000']);
  });

  it('stops at a failing call: the first one rejects as it is, a later one with what the calls before it did', async () => {
    let call = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init?: RequestInit) => {
        const body = JSON.parse(String(init?.body)) as { ids: string[] };
        if (++call === 2) return new Response(JSON.stringify({ error: { code: 'db_unavailable', message: 'the database is not reachable' } }), { status: 503, headers: { 'content-type': 'application/json' } });
        return new Response(JSON.stringify({ approved: body.ids.map((id) => ({ id, status: 'applied', version: 2 })), pending: [], skipped: [], remaining: 0 }), { status: 200, headers: { 'content-type': 'application/json' } });
      }),
    );
    const ids = Array.from({ length: 1_200 }, (_, i) => `id-${i}`);
    const failure = await bulkApprove(ids).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PartialBulkApproval);
    expect((failure as PartialBulkApproval).done.approved).toHaveLength(BULK_APPROVE_BATCH);
    expect(call).toBe(2);
    call = 1;
    const first = await bulkApprove(ids.slice(0, 10)).catch((e: unknown) => e);
    expect(first).not.toBeInstanceOf(PartialBulkApproval);
    expect((first as Error).message).toBe('the database is not reachable');
  });
});
