import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client.ts';
import { createLogger } from '../monitoring/logger.ts';
import { openTestDatabase } from '../test/test-db.ts';
import { createApp } from './app.ts';
import { testApiDeps } from './testing/test-deps.ts';

const logger = createLogger({ level: 'silent' });
let db: DatabaseHandle;
let distDir: string;

beforeAll(async () => {
  db = await openTestDatabase();
  distDir = await mkdtemp(join(tmpdir(), 'recon-web-'));
  await mkdir(join(distDir, 'assets'));
  await writeFile(join(distDir, 'index.html'), '<!doctype html><div id="root"></div><script src="/assets/app-1234.js"></script>');
  await writeFile(join(distDir, 'assets', 'app-1234.js'), 'console.log("app")');
});

afterAll(async () => {
  await db.close();
  await rm(distDir, { recursive: true, force: true });
});

describe('GET /api/health', () => {
  it('reports the database as up', async () => {
    const app = createApp(testApiDeps(db, { logger, version: '9.9.9', webDistDir: distDir }));
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; version: string; checks: { db: { status: string; kind: string; latencyMs: number } } };
    expect(body.status).toBe('ok');
    expect(body.version).toBe('9.9.9');
    expect(body.checks.db.status).toBe('up');
    expect(body.checks.db.kind).toBe(db.kind);
    expect(body.checks.db.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('reports down with 503 when the database is gone', async () => {
    const closed = await openTestDatabase();
    await closed.close();
    const app = createApp(testApiDeps(closed, { logger, version: 'x' }));
    const res = await app.request('/api/health');
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; checks: { db: { status: string; error?: string } } };
    expect(body.status).toBe('down');
    expect(body.checks.db.status).toBe('down');
    expect(body.checks.db.error).toBeTruthy();
  });
});

describe('routing', () => {
  const app = () => createApp(testApiDeps(db, { logger, version: 'x', webDistDir: distDir }));

  it('answers unknown API paths with a JSON 404, not the web app', async () => {
    for (const path of ['/api/nope', '/api/health/extra/deep', '/api']) {
      const res = await app().request(path, { method: 'GET' });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/json');
      const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
      expect(body.error.code).toBe('not_found');
      expect(body.error.requestId).toBeTruthy();
    }
    const post = await app().request('/api/imports/x', { method: 'POST' });
    expect(post.status).toBe(404);
  });

  it('serves index.html for deep links and hashed assets with long caching', async () => {
    const home = await app().request('/');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    const page = await app().request('/runs/123');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const asset = await app().request('/assets/app-1234.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('explains how to build the web app when it is missing', async () => {
    const res = await createApp(testApiDeps(db, { logger, version: 'x', webDistDir: join(distDir, 'missing') })).request('/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build:web');
  });

  it('echoes a well-formed request id and replaces a malformed one', async () => {
    const kept = await app().request('/api/health', { headers: { 'X-Request-Id': 'abc-123' } });
    expect(kept.headers.get('x-request-id')).toBe('abc-123');
    const replaced = await app().request('/api/health', { headers: { 'X-Request-Id': 'bad id with spaces' } });
    expect(replaced.headers.get('x-request-id')).not.toBe('bad id with spaces');
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
