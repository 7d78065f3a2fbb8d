import { createResource, createSignal, For, Show } from 'solid-js';
import { fetchLatestEval } from '../evals/evals-api.ts';
import { ModeComparison, ModeView } from '../evals/mode-view.tsx';
import '../evals/evals.css';
import { ErrorNotice } from '../runs/error-notice.tsx';
import '../runs/pages.css';
import { EmptyState, PageHeader } from './empty-state.tsx';

export function EvalsPage() {
  const [report, { refetch }] = createResource(fetchLatestEval);
  const [chosen, setChosen] = createSignal(0);
  const mode = () => report()?.modes[Math.min(chosen(), (report()?.modes.length ?? 1) - 1)];
  return (
    <>
      <PageHeader title="Evaluations" summary="How accurate the agents are: per-type accuracy, confusion matrix, calibration." />
      <Show when={!report.error} fallback={<ErrorNotice error={report.error} what="the evaluation report" retry={() => void refetch()} />}>
        <Show when={!report.loading} fallback={<div aria-busy="true" aria-label="Loading the evaluation report"><div class="skeleton-line" /></div>}>
          <Show
            when={report()}
            fallback={
              <EmptyState title="No evaluation report yet">
                <p>Run <code>recon eval --cases &lt;file.jsonl&gt; --report &lt;dir&gt;</code> to score the agents on labeled cases; the latest report is shown here.</p>
              </EmptyState>
            }
          >
            {(r) => (
              <>
                <p class="evals-muted">
                  {r().suites.map((s) => `${s.file} (${s.cases})`).join(', ')} · git {r().gitRevision} · {r().rulesVersion} · prompts {Object.entries(r().promptVersions).map(([k, v]) => `${k}@${v}`).join(', ')} · model {r().model ?? 'none'} · seed {r().seed} · {new Date(r().createdAt).toLocaleString()}
                </p>
                <Show when={r().modes.length > 1}>
                  <h2>Mode comparison</h2>
                  <ModeComparison modes={r().modes} />
                </Show>
                <Show when={r().modes.length > 1}>
                  <div class="evals-tabs" role="group" aria-label="Mode">
                    <For each={r().modes}>
                      {(m, i) => (
                        <button type="button" class="btn btn--secondary" aria-pressed={i() === chosen()} onClick={() => setChosen(i())}>
                          {m.mode}
                        </button>
                      )}
                    </For>
                  </div>
                </Show>
                <Show when={mode()} fallback={<p>The report holds no mode.</p>}>{(m) => <ModeView mode={m()} />}</Show>
              </>
            )}
          </Show>
        </Show>
      </Show>
    </>
  );
}
