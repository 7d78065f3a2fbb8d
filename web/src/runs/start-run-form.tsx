/** Start a run: a reconciliation, an as-of date and optionally a mode; shows each reconciliation's next scheduled run when the server knows it. */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { ApiError } from '../api/client.ts';
import { AGENT_MODES, startRun, type AgentMode, type ReconciliationView } from '../api/runs-api.ts';
import { formatDateTime } from './format.ts';

/** Yesterday (UTC): a nightly run reconciles the day that just ended. */
export function defaultAsOf(now: Date): string {
  return new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
}

export function StartRunForm(props: { reconciliations: readonly ReconciliationView[]; onStarted: (runId: string) => void; now?: () => Date }) {
  const [reconciliationId, setReconciliationId] = createSignal(props.reconciliations[0]?.id ?? '');
  const [asOf, setAsOf] = createSignal(defaultAsOf(props.now?.() ?? new Date()));
  const [mode, setMode] = createSignal<AgentMode | ''>('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const chosen = createMemo(() => props.reconciliations.find((r) => r.id === reconciliationId()));

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(undefined);
    if (!reconciliationId()) return setError('Choose a reconciliation.');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf())) return setError('Enter the as-of date as YYYY-MM-DD.');
    setBusy(true);
    try {
      const { runId } = await startRun({ reconciliationId: reconciliationId(), asOf: asOf(), ...(mode() ? { mode: mode() as AgentMode } : {}) });
      props.onStarted(runId);
    } catch (e) {
      setError(e instanceof ApiError ? (e.status === 503 ? 'This server cannot start runs (no worker and no in-process runner).' : e.message) : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="ops-panel" aria-labelledby="start-run-title" onSubmit={submit} data-testid="start-run-form">
      <h2 id="start-run-title">Start a run</h2>
      <div class="form-grid">
        <div class="field">
          <label for="run-reconciliation">Reconciliation</label>
          <select id="run-reconciliation" value={reconciliationId()} onChange={(e) => setReconciliationId(e.currentTarget.value)} required>
            <For each={props.reconciliations}>{(r) => <option value={r.id}>{r.name}</option>}</For>
          </select>
        </div>
        <label class="field">
          <span>As of</span>
          <input type="date" value={asOf()} onInput={(e) => setAsOf(e.currentTarget.value)} required />
        </label>
        <div class="field">
          <label for="run-mode">Mode</label>
          <select id="run-mode" value={mode()} onChange={(e) => setMode(e.currentTarget.value as AgentMode | '')}>
            <option value="">The reconciliation’s ({chosen()?.mode ?? 'server default'})</option>
            <For each={AGENT_MODES}>{(m) => <option value={m}>{m}</option>}</For>
          </select>
        </div>
      </div>
      <div class="form-actions">
        <button type="submit" class="btn" disabled={busy()}>
          {busy() ? 'Starting…' : 'Start run'}
        </button>
        <Show when={chosen()?.nextRunAt}>{(at) => <span class="toolbar__note" data-testid="next-run">Next scheduled run: {formatDateTime(at())}</span>}</Show>
        <Show when={chosen() && !chosen()?.nextRunAt && chosen()?.schedule}>
          <span class="toolbar__note">
            Schedule: <code>{chosen()?.schedule}</code> ({chosen()?.timezone})
          </span>
        </Show>
      </div>
      <Show when={error()}>
        <p class="ops-notice ops-notice--error" role="alert">
          {error()}
        </p>
      </Show>
    </form>
  );
}
