/**
 * Middleware factory: finds the caller from an API token — the
 * `Authorization: Bearer` header, or the HttpOnly cookie the web app's login
 * sets — and puts them on the context. No token leaves `user` unset (public
 * routes work; the others answer 401); a wrong, revoked or disabled token is
 * a 401 at once.
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../../core/errors/app-error.ts';
import type { Database } from '../../db/client.ts';
import { findTokenUser } from '../../db/repositories/users-repository.ts';

export const TOKEN_COOKIE = 'recon_token';

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
