/** Who is signed in, in the top bar, with log out; or a link to the login form. */
import { useLocation, useNavigate } from '@solidjs/router';
import { Match, Switch } from 'solid-js';
import { useSession } from './session.tsx';

export function SessionBadge() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const loginHref = () => (location.pathname === '/login' ? '/login' : `/login?next=${encodeURIComponent(location.pathname + location.search)}`);
  return (
    <div class="session-badge" data-testid="session-badge">
      <Switch>
        <Match when={session.user.state !== 'ready'}>{null}</Match>
        <Match when={session.user()}>
          {(user) => (
            <>
              <span class="session-badge__who">
                {user().name} <span class="session-badge__role">{user().role}</span>
              </span>
              <button
                type="button"
                class="session-badge__logout"
                onClick={async () => {
                  await session.logout();
                  navigate('/login');
                }}
              >
                Log out
              </button>
            </>
          )}
        </Match>
        <Match when={true}>
          <a class="session-badge__login" href={loginHref()}>
            Log in
          </a>
        </Match>
      </Switch>
    </div>
  );
}
