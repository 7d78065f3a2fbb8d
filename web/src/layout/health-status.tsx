import { createResource, onCleanup, Show } from 'solid-js';
import { getJson } from '../api/client.ts';
import type { HealthReport, HealthState } from '../api/types.ts';

const LABELS: Record<HealthState, string> = { ok: 'All systems up', degraded: 'Degraded', down: 'Down' };
const REFRESH_MS = 30_000;

/** The API's health as a pill in the header; refreshed every 30 s. */
export function HealthStatus() {
  // 503 still carries a health report, so it is data, not an error.
  const [health, { refetch }] = createResource(() => getJson<HealthReport>('/api/health', { allowStatus: [503] }));
  const timer = setInterval(() => void refetch(), REFRESH_MS);
  onCleanup(() => clearInterval(timer));

  // `latest` keeps the last report on screen while a refresh is in flight, so the pill does not flicker.
  const report = () => (health.error ? undefined : health.latest);
  const state = () => (health.error ? 'down' : (report()?.status ?? 'unknown'));
  const label = () => {
    if (health.error) return 'API unreachable';
    const r = report();
    return r ? LABELS[r.status] : 'Checking…';
  };
  const db = () => report()?.checks.db;
  const title = () => {
    const r = report();
    return r ? `Recon ${r.version}: ${Object.entries(r.checks).map(([name, check]) => `${name} ${check.status}`).join(', ')}` : undefined;
  };

  return (
    <div class={`health health--${state()}`} data-testid="health-status" role="status" aria-live="polite" title={title()}>
      <span class="health__dot" aria-hidden="true" />
      <span class="health__label">{label()}</span>
      <Show when={db()}>{(check) => <span class="health__detail">database: {String(check().kind ?? '')} {check().status}</span>}</Show>
    </div>
  );
}
