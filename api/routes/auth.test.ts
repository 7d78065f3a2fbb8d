import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.ts';
import { queryAudit } from '../../db/repositories/audit-query.ts';
import { revokeToken } from '../../db/repositories/user-admin.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import { createApp } from '../app.ts';
import { testCaller } from '../testing/test-auth.ts';
import { testApiDeps } from '../testing/test-deps.ts';

let db: DatabaseHandle;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

const app = () => createApp(testApiDeps(db));
const login = (token: string, url = 'http://localhost/api/auth/login') =>
  app().request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
/** The `name=value` part of a Set-Cookie header, as a browser would send it back. */
const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!;

describe('auth routes', () => {
  it('log in with a token: an HttpOnly, SameSite=Strict cookie that then authenticates', async () => {
    const caller = await testCaller(db.db, 'reviewer', 'lena');
    const res = await login(caller.token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: { id: caller.userId, name: 'lena', role: 'reviewer' } });
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^recon_token=recon_/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/i);

    const me = await app().request('/api/auth/me', { headers: { cookie: cookieOf(res) } });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ user: { id: caller.userId, name: 'lena', role: 'reviewer' } });
    const audit = await queryAudit(db.db, { actor: caller.userId, action: 'token.login', limit: 5 });
    expect(audit.items).toHaveLength(1);
  });

  it('mark the cookie Secure over https (also behind a TLS proxy)', async () => {
    const caller = await testCaller(db.db, 'viewer');
    expect((await login(caller.token, 'https://recon.example.com/api/auth/login')).headers.get('set-cookie')).toMatch(/Secure/);
    const proxied = await app().request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' }, body: JSON.stringify({ token: caller.token }) });
    expect(proxied.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('refuse an unknown token with 401 and set no cookie', async () => {
    const res = await login('recon_not-a-real-token');
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect((await login('')).status).toBe(400);
  });

  it('log out: the cookie is cleared', async () => {
    const caller = await testCaller(db.db, 'viewer');
    const cookie = cookieOf(await login(caller.token));
    const out = await app().request('/api/auth/logout', { method: 'POST', headers: { cookie } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^recon_token=;.*Max-Age=0/i);
    expect((await app().request('/api/auth/logout', { method: 'POST' })).status).toBe(200);
  });

  it('stop accepting a revoked token, as header or cookie, while the login route stays reachable', async () => {
    const caller = await testCaller(db.db, 'approver');
    const cookie = cookieOf(await login(caller.token));
    const [row] = await db.db.query.apiTokens.findMany({ where: (t, { eq }) => eq(t.userId, caller.userId) });
    expect(await revokeToken(db.db, row!.id, { actor: 'test', at: new Date() })).toBe(true);
    expect((await app().request('/api/auth/me', { headers: { authorization: `Bearer ${caller.token}` } })).status).toBe(401);
    const byCookie = await app().request('/api/auth/me', { headers: { cookie } });
    expect(byCookie.status).toBe(401);
    expect(byCookie.headers.get('set-cookie')).toMatch(/^recon_token=;/);
    const other = await testCaller(db.db, 'viewer');
    expect((await app().request('/api/auth/login', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ token: other.token }) })).status).toBe(200);
    expect((await login(caller.token)).status).toBe(401);
  });

  it('answer who am I only with a token', async () => {
    expect((await app().request('/api/auth/me')).status).toBe(401);
  });
});
