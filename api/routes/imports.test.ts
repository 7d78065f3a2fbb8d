import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.ts';
import { readFixture } from '../../test/fixtures.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import { createApp } from '../app.ts';
import { testApiDeps } from '../testing/test-deps.ts';

let db: DatabaseHandle;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

function upload(fields: Record<string, string>, file?: { bytes: Uint8Array; name: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set('file', new Blob([Uint8Array.from(file.bytes)]), file.name);
  return { method: 'POST', body: form };
}

describe('POST /api/imports', () => {
  const app = () => createApp(testApiDeps(db, { maxUploadBytes: 64 * 1024 }));

  it('imports a camt.053 file with auto-detection, then reports it as a duplicate', async () => {
    const file = { bytes: readFixture('genkgo-camt/camt053.v2.multi.statement.xml'), name: 'multi.xml' };
    const res = await app().request('/api/imports', upload({ side: 'external' }, file));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { importId: string; status: string; format: string; recordCount: number; statements: { foots: boolean }[] };
    expect(body).toMatchObject({ status: 'stored', format: 'camt053', recordCount: 2 });
    expect(body.statements.map((s) => s.foots)).toEqual([true, true]);
    const again = await app().request('/api/imports', upload({ side: 'external' }, file));
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
});
