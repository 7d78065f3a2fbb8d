import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.ts';
import { readFixture } from '../../test/fixtures.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import { createApp } from '../app.ts';
import { testCaller, type TestCaller } from '../testing/test-auth.ts';
import { testApiDeps } from '../testing/test-deps.ts';

let db: DatabaseHandle;
let reviewer: TestCaller;
let viewer: TestCaller;
beforeAll(async () => {
  db = await openTestDatabase();
  reviewer = await testCaller(db.db, 'reviewer');
  viewer = await testCaller(db.db, 'viewer');
});
afterAll(async () => {
  await db.close();
});

/** Multipart needs its own content type with the boundary, so only the token header is sent. */
const auth = (caller: TestCaller | null): Record<string, string> => (caller ? { authorization: caller.headers.authorization! } : {});

function upload(fields: Record<string, string>, file?: { bytes: Uint8Array; name: string }, caller: TestCaller | null = reviewer) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set('file', new Blob([Uint8Array.from(file.bytes)]), file.name);
  return { method: 'POST', body: form, headers: auth(caller) };
}

const app = () => createApp(testApiDeps(db, { maxUploadBytes: 64 * 1024 }));
const multi = () => ({ bytes: readFixture('genkgo-camt/camt053.v2.multi.statement.xml'), name: 'multi.xml' });

describe('POST /api/imports', () => {
  it('imports a camt.053 file with auto-detection, then reports it as a duplicate', async () => {
    const res = await app().request('/api/imports', upload({ side: 'external' }, multi()));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { importId: string; status: string; format: string; recordCount: number; statements: { foots: boolean }[] };
    expect(body).toMatchObject({ status: 'stored', format: 'camt053', recordCount: 2 });
    expect(body.statements.map((s) => s.foots)).toEqual([true, true]);
    const again = await app().request('/api/imports', upload({ side: 'external' }, multi()));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'duplicate', importId: body.importId });
  });

  it('answers 422 with every problem, line and field', async () => {
    const res = await app().request('/api/imports', upload({ side: 'external', format: 'mt940' }, { bytes: readFixture('wolph-mt940/self-provided/february_30.sta'), name: 'feb30.sta' }));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      error: { code: 'parse_failed', issues: [{ line: 6, field: ':61: value date', message: '"160230" is not a valid date' }] },
    });
  });

  it('answers 400 for a missing side or file', async () => {
    const noSide = await app().request('/api/imports', upload({}, { bytes: new Uint8Array([1]), name: 'x' }));
    expect(noSide.status).toBe(400);
    expect(await noSide.json()).toMatchObject({ error: { code: 'validation_failed', issues: [{ path: 'side' }] } });
    const noFile = await app().request('/api/imports', upload({ side: 'external' }));
    expect(noFile.status).toBe(400);
  });

  it('answers 413 for a file over the size limit', async () => {
    const big = new Uint8Array(100 * 1024).fill(65);
    const res = await app().request('/api/imports', upload({ side: 'external' }, { bytes: big, name: 'big.csv' }));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('answers 401 without a token and 403 for a viewer', async () => {
    expect((await app().request('/api/imports', upload({ side: 'external' }, multi(), null))).status).toBe(401);
    expect((await app().request('/api/imports', upload({ side: 'internal' }, multi(), viewer))).status).toBe(403);
  });
});

interface ImportItem {
  id: string;
  side: string;
  status: string;
  recordCount: number;
  warningCount: number;
  errorCount: number;
  createdBy: string | null;
}

describe('GET /api/imports', () => {
  it('lists imports newest first with counts, filters them, and walks cursor pages once each', async () => {
    for (const account of ['ACC-1', 'ACC-2', 'ACC-3']) {
      expect((await app().request('/api/imports', upload({ side: 'internal', account }, multi()))).status).toBe(201);
    }
    const get = async (q: string) => {
      const res = await app().request(`/api/imports?${q}`, { headers: auth(viewer) });
      expect(res.status).toBe(200);
      return (await res.json()) as { items: ImportItem[]; nextCursor: string | null };
    };
    const all = await get('limit=500');
    expect(all.items.length).toBeGreaterThanOrEqual(4);
    expect(all.items[0]).toMatchObject({ side: 'internal', status: 'completed', recordCount: 2, warningCount: expect.any(Number), errorCount: 0, createdBy: reviewer.userId });
    expect((await get('side=internal&limit=500')).items.every((i) => i.side === 'internal')).toBe(true);
    expect((await get('account=ACC-2')).items).toHaveLength(1);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const p: { items: ImportItem[]; nextCursor: string | null } = await get(`limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      walked.push(...p.items.map((i) => i.id));
      cursor = p.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all.items.map((i) => i.id));
    expect((await app().request('/api/imports?limit=0', { headers: auth(viewer) })).status).toBe(400);
    expect((await app().request('/api/imports?cursor=nope', { headers: auth(viewer) })).status).toBe(400);
    expect((await app().request('/api/imports')).status).toBe(401);
  });

  it('shows one import with its warnings and errors; 404 unknown, 400 malformed', async () => {
    const list = (await (await app().request('/api/imports?limit=1', { headers: auth(viewer) })).json()) as { items: ImportItem[] };
    const res = await app().request(`/api/imports/${list.items[0]!.id}`, { headers: auth(viewer) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: list.items[0]!.id, warnings: expect.any(Array), errors: [], sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await app().request('/api/imports/0b6f2a3e-8d1c-4c1e-9a57-3f6d2a1b9c00', { headers: auth(viewer) })).status).toBe(404);
    expect((await app().request('/api/imports/nope', { headers: auth(viewer) })).status).toBe(400);
  });
});
