/** Audit entries: sequence number, time, actor, action, entity, the start of the entry's hash, and its payload on demand. */
import { For, Show } from 'solid-js';
import type { AuditEntryView } from '../api/audit-api.ts';
import { formatDateTime } from '../runs/format.ts';

/** Ids (UUIDs) cut to their first eight characters; the whole id is in the cell's title. */
const short = (id: string): string => (id.length > 14 ? `${id.slice(0, 8)}…` : id);

export function AuditTable(props: { entries: readonly AuditEntryView[] }) {
  return (
    <div class="table-wrap">
      <table class="data-table" data-testid="audit-table">
        <caption class="visually-hidden">Audit entries</caption>
        <thead>
          <tr>
            <th scope="col" class="num">
              #
            </th>
            <th scope="col">When</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Entity</th>
            <th scope="col">Hash</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          <Show when={props.entries.length > 0} fallback={<tr><td colSpan={7} class="data-table__empty">No entries match these filters.</td></tr>}>
            <For each={props.entries}>
              {(entry) => (
                <tr data-seq={entry.seq}>
                  <td class="num">{entry.seq}</td>
                  <td class="nowrap">{formatDateTime(entry.at)}</td>
                  <td class="mono" title={entry.actor}>
                    {short(entry.actor)}
                  </td>
                  <td class="mono">{entry.action}</td>
                  <td>
                    {entry.entityType}{' '}
                    <span class="mono" title={entry.entityId}>
                      {short(entry.entityId)}
                    </span>
                  </td>
                  <td class="mono" title={entry.hash}>
                    {entry.hash.slice(0, 10)}
                  </td>
                  <td>
                    <details>
                      <summary>Payload</summary>
                      <pre class="audit-payload">{JSON.stringify(entry.payload, null, 2)}</pre>
                    </details>
                  </td>
                </tr>
              )}
            </For>
          </Show>
        </tbody>
      </table>
    </div>
  );
}
