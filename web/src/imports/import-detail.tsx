/** One import: what it stored, and its warnings and errors by line. */
import { createResource, Show } from 'solid-js';
import { fetchImport } from '../api/imports-api.ts';
import { ErrorNotice } from '../runs/error-notice.tsx';
import { formatDateTime, formatInteger } from '../runs/format.ts';
import { IssueTable } from './issue-list.tsx';

export function ImportDetailView(props: { importId: string }) {
  const [detail, { refetch }] = createResource(() => props.importId, fetchImport);
  // While another import loads, not the previous one's figures.
  const current = () => (detail.latest?.id === props.importId ? detail.latest : undefined);
  return (
    <Show when={!detail.error} fallback={<ErrorNotice error={detail.error} what="this import" retry={() => void refetch()} />}>
      <Show when={current()} fallback={<div class="ops-panel" aria-busy="true" aria-label="Loading the import"><div class="skeleton-line" /><div class="skeleton-line" /></div>}>
        {(d) => (
          <article class="ops-panel" aria-labelledby="import-title" data-testid="import-detail">
            <h2 id="import-title">{d().fileName}</h2>
            <dl class="tiles">
              <div class="tile">
                <dt>Records</dt>
                <dd>{formatInteger(d().recordCount)}</dd>
                <small>
                  {d().format} · {d().side} · <span class="mono">{d().account}</span>
                </small>
              </div>
              <div class="tile">
                <dt>Warnings</dt>
                <dd>{formatInteger(d().warnings.length)}</dd>
              </div>
              <div class="tile">
                <dt>Errors</dt>
                <dd>{formatInteger(d().errors.length)}</dd>
              </div>
              <div class="tile">
                <dt>Imported</dt>
                <dd class="tile__small">{formatDateTime(d().createdAt)}</dd>
                <small class="mono">sha256 {d().sha256.slice(0, 12)}…</small>
              </div>
            </dl>
            <Show when={d().errors.length > 0}>
              <h3>Errors</h3>
              <IssueTable issues={d().errors} caption="Errors" />
            </Show>
            <Show when={d().warnings.length > 0}>
              <h3>Warnings</h3>
              <IssueTable issues={d().warnings} caption="Warnings" />
            </Show>
            <Show when={d().errors.length === 0 && d().warnings.length === 0}>
              <p class="toolbar__note">No warnings and no errors.</p>
            </Show>
          </article>
        )}
      </Show>
    </Show>
  );
}
