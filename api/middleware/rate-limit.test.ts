import type { MiddlewareHandler } from 'hono';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors/app-error.ts';
import type { AuthUser } from '../auth/roles.ts';
import { authFailureLimit, rateLimit } from './rate-limit.ts';
import { appWith } from './test-app.ts';

const asUser = (tokenId: string): MiddlewareHandler => async (c, next) => {
  c.set('user', { id: 'u', name: 'U', role: 'viewer', tokenId } satisfies AuthUser);
  await next();
};

describe('rateLimit', () => {
  it('answers 429 with Retry-After once a token is over its limit, and resets with the window', async () => {
    let now = 1_000_000;
    const limiter = rateLimit({ perMinute: 3, now: () => now });
    const app = appWith(asUser('t1'), limiter);
    for (let i = 0; i < 3; i++) expect((await app.request('/x')).status).toBe(200);
    const refused = await app.request('/x');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited', details: { limitPerMinute: 3 } } });
    now += 45_000;
    expect((await app.request('/x')).headers.get('retry-after')).toBe('15');
    now += 15_000;
    const again = await app.request('/x');
    expect(again.status).toBe(200);
    expect(again.headers.get('ratelimit-remaining')).toBe('2');
  });

  it('counts each token on its own, and anonymous callers by address', async () => {
    const limiter = rateLimit({ perMinute: 1, clientAddress: (c) => c.req.header('x-test-addr') ?? '?' });
    const t1 = appWith(asUser('t1'), limiter);
    const t2 = appWith(asUser('t2'), limiter);
    const anonymous = appWith(limiter);
    expect((await t1.request('/x')).status).toBe(200);
    expect((await t2.request('/x')).status).toBe(200);
    expect((await t1.request('/x')).status).toBe(429);
    expect((await anonymous.request('/x', { headers: { 'x-test-addr': 'a' } })).status).toBe(200);
    expect((await anonymous.request('/x', { headers: { 'x-test-addr': 'b' } })).status).toBe(200);
    expect((await anonymous.request('/x', { headers: { 'x-test-addr': 'a' } })).status).toBe(429);
  });

  it('is off at 0', async () => {
    const app = appWith(rateLimit({ perMinute: 0 }));
    for (let i = 0; i < 5; i++) expect((await app.request('/x')).status).toBe(200);
  });
});

describe('authFailureLimit', () => {
  it('blocks an address after too many refused tokens, but not callers that authenticate', async () => {
    const reject: MiddlewareHandler = async (c, next) => {
      if (c.req.header('authorization') === 'Bearer bad') throw new AppError('unauthorized', 'bad token');
      await next();
    };
    const app = appWith(authFailureLimit({ perMinute: 2, clientAddress: () => 'same' }), reject);
    const bad = { headers: { authorization: 'Bearer bad' } };
    for (let i = 0; i < 5; i++) expect((await app.request('/x')).status).toBe(200);
    expect((await app.request('/x', bad)).status).toBe(401);
    expect((await app.request('/x', bad)).status).toBe(401);
    const blocked = await app.request('/x', bad);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
