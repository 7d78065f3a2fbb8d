import { createResource, createSignal, For, Show } from 'solid-js';
import { fetchDashboard } from '../api/dashboard-api.ts';
import { nightLabel } from '../dashboard/dashboard-figures.ts';
import { DashboardCharts } from '../dashboard/dashboard-view.tsx';
import '../dashboard/dashboard.css';
import '../runs/pages.css';
import { ErrorNotice } from '../runs/error-notice.tsx';
import { PageHeader } from './empty-state.tsx';

const RANGES = [7, 30, 90] as const;

export function DashboardPage() {
  const [nights, setNights] = createSignal<number>(30);
  const [view, { refetch }] = createResource(nights, fetchDashboard);
  return (
    <>
      <PageHeader title="Dashboard" summary="Match rate, open exceptions by type and age, money at risk, LLM vs rules." />
      <div class="toolbar">
        <fieldset class="segmented">
          <legend>Nights</legend>
          <For each={RANGES}>
            {(n) => (
              <label class="segmented__option">
                <input type="radio" name="nights" value={n} checked={nights() === n} onChange={() => setNights(n)} />
                <span>Last {n}</span>
              </label>
            )}
          </For>
        </fieldset>
        <Show when={view.latest}>
          {(v) => (
            <p class="toolbar__note" data-testid="dashboard-range">
              {nightLabel(v().range.from)} – {nightLabel(v().range.to)}
            </p>
          )}
        </Show>
      </div>
      <Show when={!view.error} fallback={<ErrorNotice error={view.error} retry={() => void refetch()} what="the dashboard" />}>
        {/* The last figures stay while the next range loads; the first load shows the charts' frames. */}
        <div aria-busy={view.loading} classList={{ 'is-refreshing': view.loading && view.latest !== undefined }}>
          <Show when={view.latest} fallback={<div class="dashboard-grid dashboard-grid--loading" aria-label="Loading the dashboard">{Array.from({ length: 6 }, () => <div class="chart chart--skeleton" />)}</div>}>
            {(v) => <DashboardCharts view={v()} />}
          </Show>
        </div>
      </Show>
    </>
  );
}
