/**
 * Middleware factory: finds the caller from an API token — the
 * `Authorization: Bearer` header, or the HttpOnly cookie the web app's login
 * sets — and puts them on the context. No token leaves `user` unset (public
 * routes work; the others answer 401); a wrong, revoked or disabled token is
 * a 401 at once.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../../core/errors/app-error.ts';
import type { Database } from '../../db/client.ts';
import { apiTokens, users } from '../../db/schema/users.ts';
import type { AuthUser } from './roles.ts';
import { hashToken } from './token-hash.ts';

export const TOKEN_COOKIE = 'recon_token';

export async function findTokenUser(db: Database, token: string): Promise<AuthUser | undefined> {
  const [row] = await db
    .select({ id: users.id, name: users.name, role: users.role, tokenId: apiTokens.id })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), eq(users.disabled, false)))
    .limit(1);
  return row;
}

export function authenticate(options: { db: Database }): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (header && !bearer) throw new AppError('unauthorized', 'The Authorization header must be "Bearer <token>"');
    const token = bearer ?? getCookie(c, TOKEN_COOKIE);
    if (!token) {
      c.set('user', undefined);
      return next();
    }
    const user = await findTokenUser(options.db, token);
    if (!user) throw new AppError('unauthorized', 'The API token is not valid (unknown, revoked, or its user is disabled)');
    c.set('user', user);
    return next();
  };
}
