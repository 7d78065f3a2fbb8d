import { useNavigate, useSearchParams } from '@solidjs/router';
import { createMemo, createResource, onCleanup, Show } from 'solid-js';
import { fetchReconciliations, fetchRuns } from '../api/runs-api.ts';
import { canApprove } from '../auth/roles.ts';
import { useSession } from '../auth/session.tsx';
import { ErrorNotice } from '../runs/error-notice.tsx';
import { formatDateTime } from '../runs/format.ts';
import { RunDetailView } from '../runs/run-detail.tsx';
import { RunList } from '../runs/run-list.tsx';
import { StartRunForm } from '../runs/start-run-form.tsx';
import '../runs/pages.css';
import '../runs/runs.css';
import { PageHeader } from './empty-state.tsx';

const REFRESH_MS = 5_000;

export function RunsPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams<{ id?: string }>();
  const [runs, { refetch }] = createResource(() => fetchRuns());
  const [reconciliations] = createResource(fetchReconciliations);
  // While any run is queued or running, the list refreshes so statuses move on by themselves.
  const timer = setInterval(() => {
    if (runs.latest?.items.some((r) => r.status === 'queued' || r.status === 'running')) void refetch();
  }, REFRESH_MS);
  onCleanup(() => clearInterval(timer));

  const nextRun = createMemo(() =>
    (reconciliations.latest?.items ?? [])
      .filter((r) => r.enabled && r.nextRunAt)
      .sort((a, b) => String(a.nextRunAt).localeCompare(String(b.nextRunAt)))[0],
  );
  const href = (id: string) => `/runs?id=${encodeURIComponent(id)}`;

  return (
    <>
      <PageHeader title="Runs" summary="Reconciliation runs: live progress, matched records, breaks by type, cost." />
      <div class="runs-layout">
        <Show when={nextRun()}>
          {(r) => (
            <p class="ops-notice" data-testid="next-scheduled-run">
              Next scheduled run: <strong>{r().name}</strong> at {formatDateTime(r().nextRunAt)}
            </p>
          )}
        </Show>
        <Show when={canApprove(session.role()) && reconciliations.latest}>
          {(list) => (
            <Show when={list().items.length > 0} fallback={<p class="ops-notice">No reconciliation is configured yet, so there is nothing to run. An admin adds one through the API or <code>recon demo</code>.</p>}>
              <StartRunForm
                reconciliations={list().items}
                onStarted={(runId) => {
                  navigate(href(runId));
                  void refetch();
                }}
              />
            </Show>
          )}
        </Show>
        <Show when={params.id}>{(id) => <RunDetailView runId={id()} onFinished={() => void refetch()} />}</Show>
        <section aria-labelledby="runs-list-title">
          <h2 id="runs-list-title" class="section-title">
            All runs
          </h2>
          <Show when={!runs.error} fallback={<ErrorNotice error={runs.error} what="the runs" retry={() => void refetch()} />}>
            <Show when={runs.latest} fallback={<div class="table-wrap" aria-busy="true" aria-label="Loading runs"><div class="skeleton-line" /><div class="skeleton-line" /><div class="skeleton-line" /></div>}>
              {(page) => <RunList runs={page().items} selected={params.id} href={href} />}
            </Show>
          </Show>
        </section>
      </div>
    </>
  );
}
