/** Imports, newest first, with their counts; each row opens the import's warnings and errors. */
import { For, Show } from 'solid-js';
import type { ImportListItem } from '../api/imports-api.ts';
import { formatDateTime, formatInteger } from '../runs/format.ts';

export function ImportList(props: { items: readonly ImportListItem[]; selected?: string; href: (id: string) => string }) {
  return (
    <div class="table-wrap">
      <table class="data-table" data-testid="import-list">
        <caption class="visually-hidden">Imports, newest first</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Status</th>
            <th scope="col">Format</th>
            <th scope="col">Side</th>
            <th scope="col">Account</th>
            <th scope="col" class="num">Records</th>
            <th scope="col" class="num">Warnings</th>
            <th scope="col" class="num">Errors</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          <Show when={props.items.length > 0} fallback={<tr><td colSpan={9} class="data-table__empty">No imports yet. Upload a bank statement or a ledger export above.</td></tr>}>
            <For each={props.items}>
              {(item) => (
                <tr classList={{ 'is-selected': props.selected === item.id }}>
                  <td>
                    <a href={props.href(item.id)} aria-current={props.selected === item.id ? 'true' : undefined}>
                      {item.fileName}
                    </a>
                  </td>
                  <td>
                    <span class={`badge badge--${item.status === 'completed' ? 'ok' : 'bad'}`}>{item.status}</span>
                  </td>
                  <td>{item.format}</td>
                  <td>{item.side}</td>
                  <td class="mono">{item.account}</td>
                  <td class="num">{formatInteger(item.recordCount)}</td>
                  <td class="num">{formatInteger(item.warningCount)}</td>
                  <td class="num">{formatInteger(item.errorCount)}</td>
                  <td>{formatDateTime(item.createdAt)}</td>
                </tr>
              )}
            </For>
          </Show>
        </tbody>
      </table>
    </div>
  );
}
