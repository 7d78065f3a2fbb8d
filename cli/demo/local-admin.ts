/**
 * The local admin `recon start` makes on first use, so a new user can log in
 * straight away: `admin@localhost` with one token, created once. The token is
 * shown only when it was created this time (it is stored hashed, so it cannot
 * be shown again); later starts say how to make another.
 */
import { isAppError } from '../../core/errors/app-error.ts';
import type { Database } from '../../db/client.ts';
import { addUser, issueToken } from '../../db/repositories/user-admin.ts';
import { findUserByEmail } from '../../db/repositories/users-repository.ts';

export const LOCAL_ADMIN_EMAIL = 'admin@localhost';

export type LocalAdmin = { readonly created: true; readonly tokenId: string; readonly token: string } | { readonly created: false };

export async function ensureLocalAdmin(db: Database, at: Date): Promise<LocalAdmin> {
  if (await findUserByEmail(db, LOCAL_ADMIN_EMAIL)) return { created: false };
  const ctx = { actor: 'system', at };
  try {
    await addUser(db, { email: LOCAL_ADMIN_EMAIL, name: 'Local admin', role: 'admin' }, ctx);
  } catch (error) {
    // Another `recon start` on the same database made it a moment ago.
    if (isAppError(error) && error.code === 'conflict') return { created: false };
    throw error;
  }
  const issued = await issueToken(db, { email: LOCAL_ADMIN_EMAIL, name: 'recon start' }, ctx);
  return { created: true, tokenId: issued.id, token: issued.token };
}

/** Where the server will listen, as a person would type it; port 0 is only known once it listens. */
export function localUrl(host: string, port: number): string | undefined {
  if (port === 0) return undefined;
  const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/** The lines `recon start` prints about logging in. */
export function localAdminNotice(admin: LocalAdmin, url: string | undefined): string[] {
  const where = url ?? 'the URL printed below';
  if (!admin.created) {
    return [`An admin (${LOCAL_ADMIN_EMAIL}) exists. Lost its token? Make a new one: recon tokens create --email ${LOCAL_ADMIN_EMAIL}`];
  }
  return [
    `Created the local admin ${LOCAL_ADMIN_EMAIL}. Its API token:`,
    '',
    `  ${admin.token}`,
    '',
    'Store it now: it is shown only this once (Recon keeps only its hash).',
    `Paste it into the web app's login form at ${url ? `${url}/login` : '/login'} to review exceptions in the browser.`,
    `Call the API at ${where} with "Authorization: Bearer <token>", and try it in the API docs at ${url ? `${url}/api/docs` : '/api/docs'}.`,
  ];
}
