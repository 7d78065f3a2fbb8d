/**
 * Auth: log in with an API token (it goes into the HttpOnly login cookie),
 * log out (the cookie is cleared; the token stays valid for other clients),
 * and who am I. Logins and logouts are audited against the token.
 */
import { z } from 'zod';
import { USER_ROLES } from '../../core/statuses.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { appendAudit, type AuditInput } from '../../db/repositories/audit-repository.ts';
import { findTokenUser } from '../../db/repositories/users-repository.ts';
import type { ApiDeps } from '../api-deps.ts';
import { clearLoginCookie, setLoginCookie } from '../auth/login-cookie.ts';
import { defineRoute, type RouteSpec } from '../routing/route.ts';

const userSchema = z.object({ id: z.string(), name: z.string(), role: z.enum(USER_ROLES) });
const userBody = z.object({ user: userSchema });

export function authRoutes(deps: ApiDeps): RouteSpec[] {
  const db = deps.db.db;
  // The append's advisory lock lasts only as long as its transaction, so even a lone entry gets one.
  const audit = (entry: AuditInput) => db.transaction((tx) => appendAudit(tx, [entry], deps.clock()));
  return [
    defineRoute({
      method: 'post',
      path: '/auth/login',
      role: 'public',
      summary: 'Log in with an API token: sets the HttpOnly login cookie the web app uses',
      tag: 'auth',
      body: z.object({ token: z.string().min(1).max(200) }),
      responses: { 200: { description: 'Logged in; the login cookie is set', schema: userBody }, 401: { description: 'Unknown, revoked or disabled token' } },
      handler: async ({ body, c }) => {
        const user = await findTokenUser(db, body.token.trim());
        if (!user) throw new AppError('unauthorized', 'The API token is not valid (unknown, revoked, or its user is disabled)');
        await audit({ actor: user.id, action: 'token.login', entityType: 'token', entityId: user.tokenId });
        setLoginCookie(c, body.token.trim());
        return { user: { id: user.id, name: user.name, role: user.role } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/logout',
      role: 'public',
      summary: 'Log out: clears the login cookie',
      tag: 'auth',
      responses: { 200: { description: 'Logged out', schema: z.object({ ok: z.literal(true) }) } },
      handler: async ({ user, c }) => {
        if (user) await audit({ actor: user.id, action: 'token.logout', entityType: 'token', entityId: user.tokenId });
        clearLoginCookie(c);
        return { ok: true };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/auth/me',
      role: 'viewer',
      summary: 'The caller: id, name and role',
      tag: 'auth',
      responses: { 200: { description: 'The authenticated user', schema: userBody } },
      handler: ({ user }) => ({ user: { id: user!.id, name: user!.name, role: user!.role } }),
    }),
  ];
}
