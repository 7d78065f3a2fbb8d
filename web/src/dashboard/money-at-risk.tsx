/** Money at stake in open exceptions, one tile per currency: amounts in different currencies are never added. */
import { For, Show } from 'solid-js';
import type { DashboardView } from '../api/dashboard-api.ts';
import { formatInteger } from '../runs/format.ts';

/** Thousands separators on the decimal string itself, so no amount passes through a float. */
export function groupDecimal(decimal: string): string {
  const negative = decimal.startsWith('-');
  const [whole = '0', fraction] = (negative ? decimal.slice(1) : decimal).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}

export function MoneyAtRisk(props: { items: DashboardView['moneyAtRisk'] }) {
  return (
    <section class="chart money" aria-labelledby="money-title" data-testid="money-at-risk">
      <h2 id="money-title" class="chart__title">
        Money at risk (open exceptions)
      </h2>
      <Show when={props.items.length > 0} fallback={<p class="money__none">No open exceptions: nothing at stake.</p>}>
        <ul class="money__list">
          <For each={props.items}>
            {(m) => (
              <li class="money__tile">
                <span class="money__amount">
                  {groupDecimal(m.amount)} <span class="money__currency">{m.currency}</span>
                </span>
                <span class="money__count">{formatInteger(m.count)} open</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
