/** A finished run's figures: matched records, breaks by type and source, fallbacks with their reasons, tokens, cost, duration, exceptions by status. */
import { For, Show } from 'solid-js';
import type { RunDetail } from '../api/runs-api.ts';
import { BarList } from '../dashboard/charts.tsx';
import { formatDuration, formatInteger, formatPercent, formatUsd, humanize } from './format.ts';

const SOURCE_LABELS: Record<string, string> = { llm: 'AI (LLM)', rules: 'Rules', memory: 'Memory', cache: 'Cache', human: 'Reviewer' };

const entries = (counts: Record<string, number> | undefined) =>
  Object.entries(counts ?? {})
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

export function RunStats(props: { run: RunDetail }) {
  const match = () => props.run.stats.match ?? {};
  const records = () => (match().externalRecords ?? 0) + (match().internalRecords ?? 0);
  const fallbacks = () => entries(props.run.stats.fallbacks);
  const fallbackTotal = () => fallbacks().reduce((sum, [, n]) => sum + n, 0);
  return (
    <div class="run-stats" data-testid="run-stats">
      <dl class="tiles">
        <div class="tile">
          <dt>Matched</dt>
          <dd data-testid="stat-matched">{formatPercent(match().matchedRecords ?? 0, records())}</dd>
          <small>
            {formatInteger(match().matchedRecords ?? 0)} of {formatInteger(records())} records · {formatInteger(match().matchGroups ?? 0)} groups
          </small>
        </div>
        <div class="tile">
          <dt>Breaks</dt>
          <dd data-testid="stat-breaks">{formatInteger(props.run.stats.breaks ?? props.run.exceptions.total)}</dd>
          <small>
            {formatInteger(props.run.stats.verified ?? 0)} verified · {formatInteger(props.run.stats.autoApproved ?? 0)} auto-approved
          </small>
        </div>
        <div class="tile">
          <dt>Fallbacks</dt>
          <dd data-testid="stat-fallbacks">{formatInteger(fallbackTotal())}</dd>
          <small>{fallbackTotal() === 0 ? 'none: every answer as asked' : 'answered by the rules instead'}</small>
        </div>
        <div class="tile">
          <dt>Tokens</dt>
          <dd>{formatInteger(props.run.tokensIn + props.run.tokensOut)}</dd>
          <small>
            {formatInteger(props.run.tokensIn)} in · {formatInteger(props.run.tokensOut)} out
          </small>
        </div>
        <div class="tile">
          <dt>LLM cost</dt>
          <dd data-testid="stat-cost">{formatUsd(props.run.cost)}</dd>
          <small>{props.run.mode} mode</small>
        </div>
        <div class="tile">
          <dt>Duration</dt>
          <dd data-testid="stat-duration">{formatDuration(props.run.runMs ?? props.run.stats.durationMs)}</dd>
          <small>queued {formatDuration(props.run.queuedMs)}</small>
        </div>
      </dl>
      <div class="two-columns">
        <BarList title="Breaks by type" items={entries(props.run.stats.byType).map(([k, n]) => ({ label: humanize(k), value: n, display: formatInteger(n) }))} empty="No breaks: every record matched." testId="run-by-type" />
        <BarList title="Suggestions by source" items={entries(props.run.stats.bySource).map(([k, n]) => ({ label: SOURCE_LABELS[k] ?? k, value: n, display: formatInteger(n) }))} empty="No suggestions in this run." testId="run-by-source" />
      </div>
      <div class="two-columns">
        <section class="ops-panel" aria-labelledby="fallbacks-title">
          <h3 id="fallbacks-title">Fallbacks by reason</h3>
          <Show when={fallbacks().length > 0} fallback={<p class="toolbar__note">No LLM call fell back to the rules.</p>}>
            <ul class="plain-list" data-testid="run-fallbacks">
              <For each={fallbacks()}>
                {([reason, n]) => (
                  <li>
                    <span>{humanize(reason)}</span> <strong>{formatInteger(n)}</strong>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
        <section class="ops-panel" aria-labelledby="exceptions-title">
          <h3 id="exceptions-title">Its exceptions now</h3>
          <Show when={props.run.exceptions.total > 0} fallback={<p class="toolbar__note">This run raised no exceptions.</p>}>
            <ul class="plain-list" data-testid="run-exceptions">
              <For each={entries(props.run.exceptions.byStatus)}>
                {([status, n]) => (
                  <li>
                    <span class={`badge badge--${status}`}>{humanize(status)}</span> <strong>{formatInteger(n)}</strong>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
      </div>
    </div>
  );
}
