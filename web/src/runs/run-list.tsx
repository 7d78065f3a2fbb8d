/** Runs, newest first: status, reconciliation, as-of date, mode, breaks, duration, cost; each row opens the run. */
import { For, Show } from 'solid-js';
import type { RunView } from '../api/runs-api.ts';
import { formatDateTime, formatDuration, formatInteger, formatUsd } from './format.ts';

export function RunList(props: { runs: readonly RunView[]; selected?: string; href: (id: string) => string }) {
  return (
    <div class="table-wrap">
      <table class="data-table" data-testid="run-list">
        <caption class="visually-hidden">Runs, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Reconciliation</th>
            <th scope="col">As of</th>
            <th scope="col">Mode</th>
            <th scope="col" class="num">Breaks</th>
            <th scope="col" class="num">Duration</th>
            <th scope="col" class="num">Cost</th>
            <th scope="col">Started</th>
          </tr>
        </thead>
        <tbody>
          <Show when={props.runs.length > 0} fallback={<tr><td colSpan={8} class="data-table__empty">No runs yet. Start one above, or wait for the nightly schedule.</td></tr>}>
            <For each={props.runs}>
              {(run) => (
                <tr classList={{ 'is-selected': props.selected === run.id }} data-run-id={run.id}>
                  <td>
                    <span class={`badge badge--${run.status}`}>{run.status}</span>
                  </td>
                  <td>
                    <a href={props.href(run.id)} aria-current={props.selected === run.id ? 'true' : undefined}>
                      {run.reconciliationId ?? 'Ad-hoc run'}
                    </a>
                  </td>
                  <td>{run.asOf}</td>
                  <td>{run.mode}</td>
                  <td class="num">{run.stats.breaks === undefined ? '—' : formatInteger(run.stats.breaks)}</td>
                  <td class="num">{formatDuration(run.runMs)}</td>
                  <td class="num">{formatUsd(run.cost)}</td>
                  <td>{formatDateTime(run.startedAt ?? run.createdAt)}</td>
                </tr>
              )}
            </For>
          </Show>
        </tbody>
      </table>
    </div>
  );
}
