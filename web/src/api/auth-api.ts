/** The browser session: the login cookie is HttpOnly, so the app only asks who it is. */
import { ApiError, getJson, postJson } from './client.ts';
import type { SessionUser } from './types.ts';

export async function login(token: string): Promise<SessionUser> {
  return (await postJson<{ user: SessionUser }>('/api/auth/login', { token })).user;
}

export async function logout(): Promise<void> {
  await postJson<{ ok: true }>('/api/auth/logout', {});
}

/** The user behind the login cookie, or null when there is none (401). */
export async function currentUser(): Promise<SessionUser | null> {
  try {
    return (await getJson<{ user: SessionUser }>('/api/auth/me')).user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}
