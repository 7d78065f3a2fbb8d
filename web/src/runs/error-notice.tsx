/** A failed load, said plainly: what could not be loaded, why (role, login, network, server), and a way to try again. */
import { Show } from 'solid-js';
import { ApiError } from '../api/client.ts';

export function errorText(error: unknown, what: string): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return `Log in to see ${what}.`;
    if (error.status === 403) return `Your role cannot see ${what}.`;
    if (error.status === 0) return `Could not reach the API to load ${what}. Check the connection.`;
    return `Could not load ${what}: ${error.message}`;
  }
  return `Could not load ${what}: ${error instanceof Error ? error.message : String(error)}`;
}

export function ErrorNotice(props: { error: unknown; what: string; retry?: () => void }) {
  const forbidden = () => props.error instanceof ApiError && (props.error.status === 401 || props.error.status === 403);
  return (
    <div class="ops-notice ops-notice--error" role="alert">
      <p>{errorText(props.error, props.what)}</p>
      <Show when={props.retry && !forbidden()}>
        <button type="button" class="btn btn--secondary" onClick={() => props.retry?.()}>
          Try again
        </button>
      </Show>
    </div>
  );
}
