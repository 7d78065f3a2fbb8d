/**
 * Middleware factory: finds the caller from an API token — the
 * `Authorization: Bearer` header, or the HttpOnly cookie the web app's login
 * sets — and puts them on the context. No token leaves `user` unset (public
 * routes work; the others answer 401). A wrong, revoked or disabled token in
 * the header is a 401 at once; in the cookie it is cleared and the request
 * goes on anonymous, so a browser holding a revoked login can still reach the
 * login route (every other route answers it 401 anyway).
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../../core/errors/app-error.ts';
import type { Database } from '../../db/client.ts';
import { findTokenUser } from '../../db/repositories/users-repository.ts';
import { clearLoginCookie, TOKEN_COOKIE } from './login-cookie.ts';

export { TOKEN_COOKIE };

export function authenticate(options: { db: Database }): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (header && !bearer) throw new AppError('unauthorized', 'The Authorization header must be "Bearer <token>"');
    const cookie = bearer ? undefined : getCookie(c, TOKEN_COOKIE);
    const token = bearer ?? cookie;
    const user = token ? await findTokenUser(options.db, token) : undefined;
    if (bearer && !user) throw new AppError('unauthorized', 'The API token is not valid (unknown, revoked, or its user is disabled)');
    if (cookie && !user) clearLoginCookie(c);
    c.set('user', user);
    return next();
  };
}
