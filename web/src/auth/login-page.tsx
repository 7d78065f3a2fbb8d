/** The login form: an API token in, the HttpOnly session cookie out (set by the API), then back where the person came from. */
import { useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { ApiError } from '../api/client.ts';
import { PageHeader } from '../pages/empty-state.tsx';
import { useSession } from './session.tsx';
import './auth.css';

/** Only same-app paths: a `next` pointing elsewhere would make the form an open redirect. */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams<{ next?: string }>();
  const [token, setToken] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (token().trim() === '') {
      setError('Enter your API token.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await session.login(token().trim());
      setToken('');
      navigate(safeNext(params.next), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? 'That token is not valid: it is unknown, revoked, or its user is disabled.' : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title="Log in" summary="Sign in with your API token; the browser keeps the session in a cookie scripts cannot read." />
      <Show when={session.user()}>
        {(user) => (
          <p class="login__current" role="status">
            Signed in as <strong>{user().name}</strong> ({user().role}). Log in again to switch user.
          </p>
        )}
      </Show>
      <form class="login card" onSubmit={submit} novalidate aria-describedby="login-help">
        <label for="login-token">API token</label>
        <input
          id="login-token"
          name="token"
          type="password"
          autocomplete="current-password"
          spellcheck={false}
          value={token()}
          onInput={(e) => setToken(e.currentTarget.value)}
          aria-invalid={error() ? 'true' : undefined}
          aria-describedby={error() ? 'login-error' : undefined}
          required
        />
        <p id="login-help" class="login__help">
          <code>npm start</code> prints a demo admin token on first start; an administrator can issue one with <code>recon tokens create</code>.
        </p>
        <Show when={error()}>
          <p id="login-error" class="form-error" role="alert">
            {error()}
          </p>
        </Show>
        <button type="submit" class="button button--primary" disabled={busy()}>
          {busy() ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </>
  );
}
