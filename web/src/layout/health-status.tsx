import { createResource, onCleanup, Show } from 'solid-js';
import { getJson } from '../api/client.ts';
import type { HealthReport } from '../api/types.ts';

const LABELS: Record<HealthReport['status'], string> = { ok: 'All systems up', degraded: 'Degraded', down: 'Down' };
const REFRESH_MS = 30_000;

/** The API's health as a pill in the header; refreshed every 30 s. */
export function HealthStatus() {
  // 503 still carries a health report, so it is data, not an error.
  const [health, { refetch }] = createResource(() => getJson<HealthReport>('/api/health', { allowStatus: [503] }));
  const timer = setInterval(() => void refetch(), REFRESH_MS);
  onCleanup(() => clearInterval(timer));

  const status = () => (health.error ? 'down' : (health()?.status ?? 'unknown'));
  const label = () => (health.error ? 'API unreachable' : health() ? LABELS[health()!.status] : 'Checking…');
  const db = () => health()?.checks.db;

  return (
    <div class={`health health--${status()}`} data-testid="health-status" role="status" aria-live="polite">
      <span class="health__dot" aria-hidden="true" />
      <span>{label()}</span>
      <Show when={db()}>{(check) => <span class="health__detail">database: {String(check().kind ?? '')} {check().status}</span>}</Show>
    </div>
  );
}
