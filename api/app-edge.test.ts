/** The hardening at the edge, as the assembled app applies it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client.ts';
import { openTestDatabase } from '../test/test-db.ts';
import { createApp } from './app.ts';
import { testCaller } from './testing/test-auth.ts';
import { testApiDeps } from './testing/test-deps.ts';

let db: DatabaseHandle;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

describe('the app edge', () => {
  it('sends security headers on API and web responses', async () => {
    const app = createApp(testApiDeps(db));
    for (const path of ['/api/health', '/api/nope', '/']) {
      const res = await app.request(path);
      expect(res.headers.get('content-security-policy'), path).toContain("script-src 'self'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('answers 413 to a JSON body over the limit, with the request id in the error body', async () => {
    const app = createApp(testApiDeps(db, { maxJsonBytes: 1024 }));
    const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'req-413' }, body: JSON.stringify({ token: 'x'.repeat(5000) }) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large', requestId: 'req-413' } });
  });

  it('answers 429 with Retry-After once a token is over its per-minute limit; health is never limited', async () => {
    const app = createApp(testApiDeps(db, { rateLimitPerMinute: 3 }));
    const caller = await testCaller(db.db, 'viewer');
    for (let i = 0; i < 3; i++) expect((await app.request('/api/auth/me', { headers: caller.headers })).status).toBe(200);
    const refused = await app.request('/api/auth/me', { headers: caller.headers });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited', requestId: expect.any(String) } });
    const other = await testCaller(db.db, 'viewer');
    expect((await app.request('/api/auth/me', { headers: other.headers })).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await app.request('/api/health')).status).toBe(200);
  });

  it('slows down token guessing: refused tokens count against the address', async () => {
    const app = createApp(testApiDeps(db, { rateLimitPerMinute: 2 }));
    const guess = { headers: { authorization: 'Bearer recon_guess' } };
    expect((await app.request('/api/auth/me', guess)).status).toBe(401);
    expect((await app.request('/api/auth/me', guess)).status).toBe(401);
    expect((await app.request('/api/auth/me', guess)).status).toBe(429);
  });

  it('allows CORS preflights only from configured origins', async () => {
    const preflight = (origin: string) => ({ method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    const open = createApp(testApiDeps(db, { corsOrigins: ['https://ops.example.com'] }));
    const allowed = await open.request('/api/auth/login', preflight('https://ops.example.com'));
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://ops.example.com');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect((await open.request('/api/auth/login', preflight('https://evil.example.com'))).headers.get('access-control-allow-origin')).toBeNull();
    const closed = createApp(testApiDeps(db));
    expect((await closed.request('/api/auth/login', preflight('https://ops.example.com'))).headers.get('access-control-allow-origin')).toBeNull();
  });
});
