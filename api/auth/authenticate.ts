/**
 * Middleware factory: finds the caller from an API token — the
 * `Authorization: Bearer` header, or the HttpOnly cookie the web app's login
 * sets — and puts them on the context. No token leaves `user` unset (public
 * routes work; the others answer 401). A wrong, revoked or disabled token in
 * the header is a 401 at once; in the cookie it is cleared and the request
 * goes on anonymous, so a browser holding a revoked login can still reach the
 * login route (every other route answers it 401 anyway).
 *
 * The token → user lookup is cached in-process for `cacheTtlMs` (30 s by
 * default; 0 turns it off): one query less on every request. The price is
 * the revocation delay — a token revoked, or a user disabled, by ANOTHER
 * process (the CLI revokes tokens) still works here for up to the TTL.
 * In-process revocations call `forgetCachedTokens()`, which takes effect at
 * once. Only hits are cached, so a token just issued works immediately and
 * garbage tokens cannot fill the cache; the size is bounded too.
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../../core/errors/app-error.ts';
import type { Database } from '../../db/client.ts';
import { findTokenUser, hashToken } from '../../db/repositories/users-repository.ts';
import { clearLoginCookie, TOKEN_COOKIE } from './login-cookie.ts';

export { TOKEN_COOKIE };

type TokenUser = NonNullable<Awaited<ReturnType<typeof findTokenUser>>>;

export const TOKEN_CACHE_TTL_MS = 30_000;
const TOKEN_CACHE_MAX = 10_000;

/** Bumped by every in-process revocation: entries of an older generation are misses, in every cache at once. */
let generation = 0;

/** Drops every cached token → user answer in this process (call after revoking a token or disabling a user). */
export function forgetCachedTokens(): void {
  generation++;
}

function tokenCache(ttlMs: number) {
  const entries = new Map<string, { user: TokenUser; until: number; generation: number }>();
  return async (db: Database, token: string): Promise<TokenUser | undefined> => {
    if (ttlMs <= 0) return findTokenUser(db, token);
    const key = hashToken(token);
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && hit.until > now && hit.generation === generation) return hit.user;
    const seenGeneration = generation;
    const user = await findTokenUser(db, token);
    if (!user) {
      entries.delete(key);
      return undefined;
    }
    if (entries.size >= TOKEN_CACHE_MAX) entries.clear();
    entries.set(key, { user, until: now + ttlMs, generation: seenGeneration });
    return user;
  };
}

export function authenticate(options: { db: Database; cacheTtlMs?: number }): MiddlewareHandler {
  const lookup = tokenCache(options.cacheTtlMs ?? TOKEN_CACHE_TTL_MS);
  return async (c, next) => {
    const header = c.req.header('authorization');
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (header && !bearer) throw new AppError('unauthorized', 'The Authorization header must be "Bearer <token>"');
    const cookie = bearer ? undefined : getCookie(c, TOKEN_COOKIE);
    const token = bearer ?? cookie;
    const user = token ? await lookup(options.db, token) : undefined;
    if (bearer && !user) throw new AppError('unauthorized', 'The API token is not valid (unknown, revoked, or its user is disabled)');
    if (cookie && !user) clearLoginCookie(c);
    c.set('user', user);
    return next();
  };
}
