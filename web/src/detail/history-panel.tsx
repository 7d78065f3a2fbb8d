/** Everything that happened to the exception: suggestion versions, decisions, effects, and (for approvers) its audit entries. */
import { createResource, For, Show } from 'solid-js';
import { getJson } from '../api/client.ts';
import type { ExceptionDetailView } from '../api/types.ts';
import { formatMoneyText, sourceLabel } from '../queue/queue-format.ts';

interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
}

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';

export function HistoryPanel(props: { detail: ExceptionDetailView; showAudit: boolean }) {
  const [audit] = createResource(
    () => (props.showAudit ? props.detail.exception.id : undefined),
    (id) => getJson<{ items: AuditEntry[] }>(`/api/audit?exception=${encodeURIComponent(id)}&order=asc&limit=100`).then((p) => p.items),
  );
  const d = () => props.detail;
  return (
    <section class="panel" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <h3>Suggestion versions</h3>
      <ol class="history" reversed>
        <For each={d().versions} fallback={<li class="muted">No suggestion yet.</li>}>
          {(v) => (
            <li>
              <strong>v{v.version}</strong> · {v.actionLabel} · {v.typeLabel} / {v.causeLabel} · {sourceLabel(v.source)} ({v.createdBy}) · {v.verified ? 'verified' : 'not verified'} · {when(v.createdAt)}
            </li>
          )}
        </For>
      </ol>
      <h3>Decisions</h3>
      <ol class="history">
        <For each={d().decisions} fallback={<li class="muted">No decision yet.</li>}>
          {(dec) => (
            <li>
              <strong>{dec.kind.replace(/_/g, ' ')}</strong>
              {dec.suggestionVersion !== null ? ` of v${dec.suggestionVersion}` : ''} by {dec.actorName ?? dec.actorId ?? 'the system'} · {when(dec.createdAt)}
              {dec.reason ? ` — “${dec.reason}”` : ''}
            </li>
          )}
        </For>
      </ol>
      <h3>Effects</h3>
      <ul class="history">
        <For each={d().effects} fallback={<li class="muted">Nothing applied yet.</li>}>
          {(e) => (
            <li>
              <strong>{e.kind}</strong> · {when(e.createdAt)}
              {e.memo ? ` · ${e.memo}` : ''}
              <Show when={e.lines.length > 0}>
                <ul>
                  <For each={e.lines}>{(l) => <li>{`${l.lineNo}. ${l.glCode}${l.accountRole ? ` (${l.accountRole})` : ''}: ${formatMoneyText(l.amount, e.currency ?? '')}`}</li>}</For>
                </ul>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={props.showAudit}>
        <h3>Audit entries</h3>
        <Show when={!audit.error} fallback={<p class="muted">The audit entries could not be loaded.</p>}>
          <ul class="history">
            <For each={audit() ?? []} fallback={<li class="muted">{audit.loading ? 'Loading…' : 'No audit entry about this exception yet.'}</li>}>
              {(a) => (
                <li>
                  #{a.seq} {a.action} by {a.actor} · {when(a.at)}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </section>
  );
}
