/** Problems in a file, each with where it is (line, XML path, field) and what is wrong, in the order the parser met them. */
import { For, Show } from 'solid-js';
import type { ImportIssueView } from '../api/imports-api.ts';

export function IssueTable(props: { issues: readonly ImportIssueView[]; caption: string; testId?: string }) {
  const hasPath = () => props.issues.some((i) => i.path);
  return (
    <div class="table-wrap">
      <table class="data-table" data-testid={props.testId}>
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col" class="num">
              Line
            </th>
            <Show when={hasPath()}>
              <th scope="col">Where</th>
            </Show>
            <th scope="col">Field</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.issues}>
            {(issue) => (
              <tr data-line={issue.line}>
                <td class="num">{issue.line ?? '—'}</td>
                <Show when={hasPath()}>
                  <td class="mono">{issue.path ?? '—'}</td>
                </Show>
                <td class="mono">{issue.field ?? '—'}</td>
                <td>
                  {issue.message}
                  <Show when={issue.statement}> (statement {issue.statement})</Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
