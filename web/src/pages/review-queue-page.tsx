/** The home page: the review queue, for whoever is signed in; a way to sign in for whoever is not. */
import { Match, Switch } from 'solid-js';
import { useSession } from '../auth/session.tsx';
import { QueueView } from '../queue/queue-view.tsx';
import { EmptyState, PageHeader } from './empty-state.tsx';

export function ReviewQueuePage() {
  const session = useSession();
  return (
    <>
      <PageHeader title="Review queue" summary="Breaks waiting for a decision, with the suggested resolution and its evidence." />
      <Switch>
        <Match when={session.user.state === 'errored'}>
          <EmptyState title="Could not check your session">
            <p role="alert">The API did not answer: {String(session.user.error)}. Reload the page to try again.</p>
          </EmptyState>
        </Match>
        <Match when={session.user.state !== 'ready'}>
          <p class="loading-line" role="status">
            Checking your session…
          </p>
        </Match>
        <Match when={session.user() === null}>
          <EmptyState title="Log in to review exceptions" hint={<a href="/login?next=%2F">Log in with your API token</a>}>
            <p>When a reconciliation run finds breaks, they appear here with their type, amount, confidence and the suggested resolution. Keyboard: j/k to move, enter to open, a to approve, r to reject, e to edit, x to select.</p>
          </EmptyState>
        </Match>
        <Match when={session.user()}>{(user) => <QueueView role={user().role} />}</Match>
      </Switch>
    </>
  );
}
