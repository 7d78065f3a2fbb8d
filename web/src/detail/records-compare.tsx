/** Both sides' records side by side, then field by field with the differing ones highlighted and their deltas in words. */
import { For, Show } from 'solid-js';
import type { ExceptionDetailView, RecordView } from '../api/types.ts';
import { formatMoneyText } from '../queue/queue-format.ts';
import { deltaText, FIELD_LABEL } from './field-deltas.ts';

function RecordCard(props: { record: RecordView }) {
  const r = () => props.record;
  return (
    <li class="record">
      <div class="record__amount">{formatMoneyText(r().amount, r().currency)}</div>
      <div class="record__meta">
        {r().date}
        {r().valueDate && r().valueDate !== r().date ? ` (value ${r().valueDate})` : ''} · {r().account}
      </div>
      <div class="record__ref">{r().reference ?? <span class="muted">no reference</span>}</div>
      <Show when={r().counterparty || r().description}>
        <div class="record__text">{[r().counterparty, r().description].filter(Boolean).join(' — ')}</div>
      </Show>
      <div class="record__id muted">{r().id}</div>
    </li>
  );
}

export function RecordsCompare(props: { detail: ExceptionDetailView }) {
  const d = () => props.detail;
  const currency = () => d().exception.currency;
  return (
    <section class="panel" aria-labelledby="records-title">
      <h2 id="records-title">Records</h2>
      <div class="sides">
        <div class="side">
          <h3>Statement (external)</h3>
          <ul class="records">
            <For each={d().records.external} fallback={<li class="muted">No statement record: the break is one-sided.</li>}>
              {(r) => <RecordCard record={r} />}
            </For>
          </ul>
          <p class="side__total">Total {formatMoneyText(d().totals.external, currency())}</p>
        </div>
        <div class="side">
          <h3>Books (internal)</h3>
          <ul class="records">
            <For each={d().records.internal} fallback={<li class="muted">No book record: the break is one-sided.</li>}>
              {(r) => <RecordCard record={r} />}
            </For>
          </ul>
          <p class="side__total">Total {formatMoneyText(d().totals.internal, currency())}</p>
        </div>
      </div>
      <p class="totals-diff" data-testid="totals-difference">
        Difference (statement − books): <strong>{formatMoneyText(d().totals.difference, currency())}</strong>
      </p>
      <table class="diffs">
        <caption class="visually-hidden">Field by field comparison</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Statement</th>
            <th scope="col">Books</th>
            <th scope="col">Difference</th>
          </tr>
        </thead>
        <tbody>
          <For each={d().fieldDiffs}>
            {(f) => (
              <tr classList={{ 'diffs__row--differs': f.differs }} data-differs={f.differs ? 'true' : 'false'}>
                <th scope="row">{FIELD_LABEL[f.field] ?? f.field}</th>
                <td>{f.external.join(', ') || '—'}</td>
                <td>{f.internal.join(', ') || '—'}</td>
                <td>{f.differs ? <span class="delta">{deltaText(f)}</span> : <span class="muted">same</span>}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}
