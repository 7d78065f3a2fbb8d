/**
 * The signed-in user for the whole app. The login cookie is HttpOnly, so the
 * app cannot see it: it asks `GET /api/auth/me` once and keeps the answer,
 * and the login form and logout button replace it.
 */
import { createContext, createResource, useContext, type JSX, type Resource } from 'solid-js';
import { currentUser, login as loginCall, logout as logoutCall } from '../api/auth-api.ts';
import type { SessionUser, UserRole } from '../api/types.ts';

export interface Session {
  /** undefined while loading, null when nobody is signed in. */
  readonly user: Resource<SessionUser | null>;
  readonly role: () => UserRole | undefined;
  login(token: string): Promise<SessionUser>;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session>();

export function SessionProvider(props: { children: JSX.Element; load?: () => Promise<SessionUser | null> }) {
  const [user, { mutate }] = createResource(props.load ?? currentUser);
  const session: Session = {
    user,
    role: () => (user.state === 'ready' ? (user()?.role ?? undefined) : undefined),
    async login(token) {
      const signedIn = await loginCall(token);
      mutate(signedIn);
      return signedIn;
    },
    async logout() {
      await logoutCall();
      mutate(null);
    },
  };
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
