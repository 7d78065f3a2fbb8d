import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app.ts';
import { testApiDeps } from '../api/testing/test-deps.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { openTestDatabase } from '../test/test-db.ts';
import { testEnv } from '../test/test-env.ts';
import { cachedCheck, llmCheck, optionalHealthChecks, redisCheck } from './health-checks.ts';

let server: Server;
let base: string;
let seen: { url: string | undefined; auth: string | undefined }[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url, auth: req.headers.authorization });
    if (req.url?.startsWith('/slow')) return void setTimeout(() => res.end('{}'), 2_000);
    res.statusCode = req.url?.startsWith('/broken') ? 500 : 200;
    res.end('{"data":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('health checks', () => {
  it('call GET {base}/models: up on 2xx, degraded on an error status, down without an answer in time', async () => {
    seen = [];
    expect(await llmCheck({ baseUrl: `${base}/v1/`, apiKey: 'sk-test' })()).toMatchObject({ status: 'up', latencyMs: expect.any(Number) });
    expect(seen).toEqual([{ url: '/v1/models', auth: 'Bearer sk-test' }]);
    expect(await llmCheck({ baseUrl: `${base}/broken` })()).toMatchObject({ status: 'degraded', httpStatus: 500 });
    expect(await llmCheck({ baseUrl: `${base}/slow`, timeoutMs: 100 })()).toMatchObject({ status: 'down', error: 'no answer within 100 ms' });
    expect(await llmCheck({ baseUrl: 'http://127.0.0.1:1' })()).toMatchObject({ status: 'down' });
  });

  it('PING Redis: down quickly when nothing listens, up against a real server when one is configured', async () => {
    const started = Date.now();
    expect(await redisCheck('redis://127.0.0.1:1', 300)()).toMatchObject({ status: 'down' });
    expect(Date.now() - started).toBeLessThan(2_000);
    if (testEnv.redisUrl) expect(await redisCheck(testEnv.redisUrl)()).toMatchObject({ status: 'up' });
  });

  it('keep a result a few seconds and share one check in flight', async () => {
    let calls = 0;
    let clock = 0;
    const check = cachedCheck(
      async () => ({ status: 'up', n: ++calls }),
      1_000,
      () => clock,
    );
    await Promise.all([check(), check()]);
    expect(calls).toBe(1);
    clock = 1_500;
    expect(await check()).toMatchObject({ n: 2 });
  });

  it('report unconfigured dependencies, and make the health route degraded (200) when one is down', async () => {
    const none = optionalHealthChecks({ redisUrl: undefined, llm: { baseUrl: undefined, apiKey: undefined } });
    expect(await none.redis()).toEqual({ status: 'not_configured' });
    let db: DatabaseHandle | undefined;
    try {
      db = await openTestDatabase();
      const checks = optionalHealthChecks({ redisUrl: 'redis://127.0.0.1:1', llm: { baseUrl: base, apiKey: undefined } });
      const res = await createApp(testApiDeps(db, { health: checks })).request('/api/health');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'degraded', checks: { db: { status: 'up' }, redis: { status: 'down' }, llm: { status: 'up' } } });
    } finally {
      await db?.close();
    }
  });
});
