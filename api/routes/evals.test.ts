import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvalReport } from '../../core/evals/eval-report.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import { createApp } from '../app.ts';
import { testCaller, type TestCaller } from '../testing/test-auth.ts';
import { testApiDeps } from '../testing/test-deps.ts';

let db: DatabaseHandle;
let viewer: TestCaller;
let dir: string;
beforeAll(async () => {
  db = await openTestDatabase();
  viewer = await testCaller(db.db, 'viewer');
  dir = await mkdtemp(join(tmpdir(), 'recon-evals-api-'));
});
afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

const report: EvalReport = { version: 1, createdAt: '2026-11-30T10:00:00.000Z', gitRevision: 'abc123', seed: 1, model: null, rulesVersion: 'rules@1.0.0', promptVersions: { classify: '1.0.0' }, calibration: null, suites: [{ file: 'golden.jsonl', cases: 68 }], modes: [] };

async function get(evalsDir: string | undefined, caller?: TestCaller) {
  const app = createApp(testApiDeps(db, evalsDir ? { evalsDir } : {}));
  const res = await app.request('/api/evals/latest', caller ? { headers: caller.headers } : {});
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('GET /api/evals/latest', () => {
  it('answers 404 with what to do before any evaluation, and 401 without a token', async () => {
    const none = await get(join(dir, 'evals'), viewer);
    expect(none.status).toBe(404);
    expect(JSON.stringify(none.body)).toContain('no evaluation report yet; run recon eval');
    expect((await get(undefined, viewer)).status).toBe(404);
    expect((await get(join(dir, 'evals'))).status).toBe(401);
  });

  it('serves the latest report to a viewer', async () => {
    await mkdir(join(dir, 'evals'), { recursive: true });
    await writeFile(join(dir, 'evals', 'latest.json'), JSON.stringify(report));
    const ok = await get(join(dir, 'evals'), viewer);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual(report);
  });

  it('answers 500 (internal, details in the log) for a report file that does not parse', async () => {
    const bad = join(dir, 'bad');
    await mkdir(bad, { recursive: true });
    await writeFile(join(bad, 'latest.json'), JSON.stringify({ ...report, version: 7 }));
    const res = await get(bad, viewer);
    expect(res.status).toBe(500);
    expect((res.body.error as { code: string }).code).toBe('internal');
  });
});
