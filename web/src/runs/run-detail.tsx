/**
 * One run: while it is queued or running, its live progress over SSE; once
 * it is done, its figures (the `done` event carries them, so no second
 * request); if it failed, the reason.
 */
import { createEffect, createResource, createSignal, Match, on, onCleanup, Show, Switch, untrack } from 'solid-js';
import { fetchRun, runEventsUrl, type RunDetail, type RunProgress } from '../api/runs-api.ts';
import { ErrorNotice } from './error-notice.tsx';
import { formatDateTime } from './format.ts';
import { followRun, openBrowserEventSource, type OpenEventSource } from './run-events.ts';
import { RunProgressBar } from './run-progress.tsx';
import { RunStats } from './run-stats.tsx';

const LIVE = new Set(['queued', 'running']);

export function RunDetailView(props: { runId: string; openEvents?: OpenEventSource; load?: (id: string) => Promise<RunDetail>; onFinished?: (run: RunDetail) => void }) {
  const [fetched, { refetch }] = createResource(() => props.runId, props.load ?? fetchRun);
  const [live, setLive] = createSignal<RunDetail>();
  const [progress, setProgress] = createSignal<RunProgress>();
  const [reconnecting, setReconnecting] = createSignal(false);
  const [failure, setFailure] = createSignal<string | null>();

  // Another run chosen: nothing of the previous one's stream may show.
  createEffect(
    on(
      () => props.runId,
      () => {
        setLive(undefined);
        setProgress(undefined);
        setFailure(undefined);
        setReconnecting(false);
      },
      { defer: true },
    ),
  );

  // The freshest state of this run: what the stream last said, else what was fetched (never the previous run's, while the next loads).
  const run = () => {
    const current = live() ?? fetched.latest;
    return current?.id === props.runId ? current : undefined;
  };

  createEffect(() => {
    const first = fetched();
    if (!first || !LIVE.has(first.status)) return;
    const id = first.id;
    const stop = untrack(() =>
      followRun(runEventsUrl(id), props.openEvents ?? openBrowserEventSource, {
        progress: (event) => {
          setProgress(event);
          if (event.phase !== 'queued') setLive((current) => ({ ...(current ?? first), status: 'running' }));
        },
        done: (finished) => {
          setLive(finished);
          setReconnecting(false);
          props.onFinished?.(finished);
        },
        failed: (event) => {
          setFailure(event.error ?? 'The run failed without a reason.');
          setLive((current) => ({ ...(current ?? first), status: event.status, error: event.error }));
          props.onFinished?.({ ...first, status: event.status, error: event.error });
        },
        connection: setReconnecting,
      }),
    );
    onCleanup(stop);
  });

  return (
    <Show when={!fetched.error} fallback={<ErrorNotice error={fetched.error} what="this run" retry={() => void refetch()} />}>
      <Show when={run()} fallback={<RunDetailSkeleton />}>
        {(r) => (
          <article class="run-detail" aria-labelledby="run-title" data-testid="run-detail" data-status={r().status}>
            <header class="run-detail__head">
              <h2 id="run-title">
                {r().reconciliationId ?? 'Ad-hoc run'} · as of {r().asOf}
              </h2>
              <span class={`badge badge--${r().status}`} data-testid="run-status">
                {r().status}
              </span>
              <span class="toolbar__note">
                started {formatDateTime(r().startedAt ?? r().createdAt)}
                <Show when={r().finishedAt}> · finished {formatDateTime(r().finishedAt)}</Show>
              </span>
            </header>
            <Switch>
              <Match when={LIVE.has(r().status)}>
                <RunProgressBar progress={progress()} reconnecting={reconnecting()} />
              </Match>
              <Match when={r().status === 'completed'}>
                <RunStats run={r()} />
              </Match>
              <Match when={true}>
                <div class="ops-notice ops-notice--error" role="alert" data-testid="run-error">
                  <p>
                    <strong>The run {r().status === 'cancelled' ? 'was cancelled' : 'failed'}.</strong> {failure() ?? r().error ?? 'No reason was recorded.'}
                  </p>
                </div>
              </Match>
            </Switch>
          </article>
        )}
      </Show>
    </Show>
  );
}

function RunDetailSkeleton() {
  return (
    <div class="run-detail run-detail--loading" aria-busy="true" aria-label="Loading the run">
      <div class="skeleton-line" />
      <div class="skeleton-line" />
      <div class="skeleton-line" />
    </div>
  );
}
