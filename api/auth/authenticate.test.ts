import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.ts';
import { revokeApiToken } from '../../db/repositories/users-repository.ts';
import { createLogger } from '../../monitoring/logger.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import { errorHandler } from '../errors/error-handler.ts';
import { testCaller } from '../testing/test-auth.ts';
import { authenticate, forgetCachedTokens, TOKEN_COOKIE } from './authenticate.ts';

let db: DatabaseHandle;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

function app(cacheTtlMs?: number) {
  const a = new Hono();
  a.onError(errorHandler(createLogger({ level: 'silent' })));
  a.use('*', authenticate({ db: db.db, ...(cacheTtlMs === undefined ? {} : { cacheTtlMs }) }));
  a.get('/me', (c) => c.json({ user: c.get('user') ?? null }));
  return a;
}

describe('authenticate', () => {
  it('finds the caller from a Bearer token or the login cookie', async () => {
    const caller = await testCaller(db.db, 'reviewer', 'rita');
    const byHeader = (await (await app().request('/me', { headers: { authorization: `Bearer ${caller.token}` } })).json()) as { user: { id: string; role: string } };
    expect(byHeader.user).toMatchObject({ id: caller.userId, role: 'reviewer', name: 'rita' });
    const byCookie = (await (await app().request('/me', { headers: { cookie: `${TOKEN_COOKIE}=${caller.token}` } })).json()) as { user: { id: string } };
    expect(byCookie.user.id).toBe(caller.userId);
  });

  it('leaves anonymous requests anonymous, and refuses unknown, malformed or revoked tokens', async () => {
    expect(await (await app().request('/me')).json()).toEqual({ user: null });
    expect((await app().request('/me', { headers: { authorization: 'Bearer recon_nope' } })).status).toBe(401);
    expect((await app().request('/me', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
    const caller = await testCaller(db.db, 'viewer');
    const [row] = await db.db.query.apiTokens.findMany({ where: (t, { eq }) => eq(t.userId, caller.userId) });
    await revokeApiToken(db.db, row!.id, new Date());
    expect((await app().request('/me', { headers: { authorization: `Bearer ${caller.token}` } })).status).toBe(401);
  });

  it('stores only the hash of a token', async () => {
    const caller = await testCaller(db.db, 'viewer');
    const [row] = await db.db.query.apiTokens.findMany({ where: (t, { eq }) => eq(t.userId, caller.userId) });
    expect(row!.tokenHash).not.toContain(caller.token);
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(caller.token.startsWith(row!.prefix)).toBe(true);
  });

  it('caches a token for the TTL: a revocation elsewhere shows after it, an in-process one at once; TTL 0 never caches', async () => {
    const caller = await testCaller(db.db, 'viewer');
    const headers = { authorization: `Bearer ${caller.token}` };
    const cached = app();
    const uncached = app(0);
    expect((await cached.request('/me', { headers })).status).toBe(200);
    const [row] = await db.db.query.apiTokens.findMany({ where: (t, { eq }) => eq(t.userId, caller.userId) });
    await revokeApiToken(db.db, row!.id, new Date());
    // Revoked by another process (the CLI, say): still accepted here until the entry expires.
    expect((await cached.request('/me', { headers })).status).toBe(200);
    expect((await uncached.request('/me', { headers })).status).toBe(401);
    forgetCachedTokens();
    expect((await cached.request('/me', { headers })).status).toBe(401);
  });
});
