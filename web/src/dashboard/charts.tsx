/**
 * Hand-written SVG charts: columns over nights, horizontal bars over
 * categories, and 100 % stacked bars for shares. Each draws into a fixed
 * viewBox, so its box has its size before the data arrives (no layout
 * shift), names every value in a <title> (hover) and in the figure's label
 * (screen readers), and has an empty state of the same size. Colours come
 * from CSS classes, never inline styles (the CSP allows none).
 */
import { For, Show, type JSX } from 'solid-js';

export interface ChartPoint {
  readonly label: string;
  /** Drives the geometry only; the text shown is `display`. */
  readonly value: number;
  readonly display: string;
}

const W = 640;
const H = 220;
const PAD = { top: 16, right: 12, bottom: 34, left: 12 };

function Figure(props: { title: string; summary: string; testId?: string; children: JSX.Element; legend?: JSX.Element }) {
  return (
    <figure class="chart" data-testid={props.testId}>
      <figcaption class="chart__title">{props.title}</figcaption>
      {props.children}
      {props.legend}
      <p class="visually-hidden">{props.summary}</p>
    </figure>
  );
}

function Empty(props: { text: string; height: number }) {
  return (
    <div class="chart__empty" classList={{ 'chart__empty--short': props.height < 150 }} data-testid="chart-empty">
      <p>{props.text}</p>
    </div>
  );
}

const summaryOf = (title: string, points: readonly { label: string; display: string }[]) => `${title}: ${points.map((p) => `${p.label} ${p.display}`).join(', ')}.`;

/** Vertical columns, one per point (a night), scaled to `max` (default: the largest value). */
export function ColumnChart(props: { title: string; points: readonly ChartPoint[]; empty: string; max?: number; testId?: string; tone?: 'accent' | 'ok' | 'warn' }) {
  const max = () => props.max ?? Math.max(0, ...props.points.map((p) => p.value));
  const slot = () => (W - PAD.left - PAD.right) / Math.max(1, props.points.length);
  const barWidth = () => Math.max(2, Math.min(48, slot() * 0.7));
  const plotH = H - PAD.top - PAD.bottom;
  const height = (value: number) => (max() > 0 ? Math.max(value > 0 ? 1 : 0, (value / max()) * plotH) : 0);
  // About eight labels at most, so they never overlap.
  const labelEvery = () => Math.max(1, Math.ceil(props.points.length / 8));
  return (
    <Figure title={props.title} summary={props.points.length ? summaryOf(props.title, props.points) : props.empty} testId={props.testId}>
      <Show when={props.points.length > 0} fallback={<Empty text={props.empty} height={H} />}>
        <svg class={`chart__svg chart--${props.tone ?? 'accent'}`} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summaryOf(props.title, props.points)}>
          <line class="chart__axis" x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} />
          <For each={props.points}>
            {(point, i) => {
              const x = () => PAD.left + i() * slot() + (slot() - barWidth()) / 2;
              return (
                <g class="chart__column" data-label={point.label} data-value={point.display}>
                  <rect class="chart__bar" x={x()} width={barWidth()} y={H - PAD.bottom - height(point.value)} height={height(point.value)} rx="2">
                    <title>{`${point.label}: ${point.display}`}</title>
                  </rect>
                  <Show when={props.points.length <= 16}>
                    <text class="chart__value" x={x() + barWidth() / 2} y={H - PAD.bottom - height(point.value) - 4} text-anchor="middle">
                      {point.display}
                    </text>
                  </Show>
                  <Show when={i() % labelEvery() === 0}>
                    <text class="chart__label" x={x() + barWidth() / 2} y={H - PAD.bottom + 18} text-anchor="middle">
                      {point.label}
                    </text>
                  </Show>
                </g>
              );
            }}
          </For>
        </svg>
      </Show>
    </Figure>
  );
}

const ROW = 30;
const LABEL_W = 190;

/** Horizontal bars, one per category, longest first as given. */
export function BarList(props: { title: string; items: readonly ChartPoint[]; empty: string; testId?: string; tone?: 'accent' | 'ok' | 'warn' | 'bad' }) {
  const max = () => Math.max(0, ...props.items.map((p) => p.value));
  const height = () => Math.max(ROW, props.items.length * ROW);
  const barW = W - LABEL_W - 70;
  const width = (value: number) => (max() > 0 ? Math.max(value > 0 ? 2 : 0, (value / max()) * barW) : 0);
  return (
    <Figure title={props.title} summary={props.items.length ? summaryOf(props.title, props.items) : props.empty} testId={props.testId}>
      <Show when={props.items.length > 0} fallback={<Empty text={props.empty} height={120} />}>
        <svg class={`chart__svg chart--${props.tone ?? 'accent'}`} viewBox={`0 0 ${W} ${height()}`} role="img" aria-label={summaryOf(props.title, props.items)}>
          <For each={props.items}>
            {(item, i) => (
              <g class="chart__row" data-label={item.label} data-value={item.display}>
                <text class="chart__label" x={LABEL_W - 8} y={i() * ROW + ROW / 2 + 5} text-anchor="end">
                  {item.label}
                </text>
                <rect class="chart__bar" x={LABEL_W} y={i() * ROW + 6} width={width(item.value)} height={ROW - 12} rx="2">
                  <title>{`${item.label}: ${item.display}`}</title>
                </rect>
                <text class="chart__value" x={LABEL_W + width(item.value) + 6} y={i() * ROW + ROW / 2 + 5}>
                  {item.display}
                </text>
              </g>
            )}
          </For>
        </svg>
      </Show>
    </Figure>
  );
}

export interface ShareRow {
  readonly label: string;
  readonly parts: readonly { key: string; value: number }[];
}

/** 100 % stacked bars: each row's parts as shares of the row's total, with a legend of the part keys. */
export function ShareBars(props: { title: string; rows: readonly ShareRow[]; keys: readonly { key: string; label: string }[]; empty: string; testId?: string }) {
  const height = () => Math.max(ROW, props.rows.length * ROW);
  const barW = W - LABEL_W - 70;
  const total = (row: ShareRow) => row.parts.reduce((sum, p) => sum + p.value, 0);
  const pct = (value: number, whole: number) => (whole > 0 ? `${Math.round((value / whole) * 100)}%` : '0%');
  const summary = () =>
    `${props.title}: ${props.rows.map((r) => `${r.label} ${r.parts.map((p) => `${props.keys.find((k) => k.key === p.key)?.label ?? p.key} ${pct(p.value, total(r))}`).join(', ')} of ${total(r)}`).join('; ')}.`;
  const legend = (
    <ul class="chart__legend">
      <For each={props.keys}>
        {(k, i) => (
          <li>
            <svg class="chart__swatch" viewBox="0 0 10 10" aria-hidden="true">
              <rect class={`chart__part chart__part--${i()}`} width="10" height="10" rx="2" />
            </svg>
            {k.label}
          </li>
        )}
      </For>
    </ul>
  );
  return (
    <Figure title={props.title} summary={props.rows.length ? summary() : props.empty} testId={props.testId} legend={props.rows.length ? legend : undefined}>
      <Show when={props.rows.length > 0} fallback={<Empty text={props.empty} height={120} />}>
        <svg class="chart__svg" viewBox={`0 0 ${W} ${height()}`} role="img" aria-label={summary()}>
          <For each={props.rows}>
            {(row, i) => {
              const whole = total(row);
              let offset = 0;
              const segments = props.keys.map((k, index) => {
                const value = row.parts.find((p) => p.key === k.key)?.value ?? 0;
                const segment = { key: k.key, label: k.label, index, value, x: LABEL_W + (whole > 0 ? (offset / whole) * barW : 0), width: whole > 0 ? (value / whole) * barW : 0 };
                offset += value;
                return segment;
              });
              return (
                <g class="chart__row" data-label={row.label} data-total={whole}>
                  <text class="chart__label" x={LABEL_W - 8} y={i() * ROW + ROW / 2 + 5} text-anchor="end">
                    {row.label}
                  </text>
                  <For each={segments}>
                    {(s) => (
                      <rect class={`chart__part chart__part--${s.index}`} data-key={s.key} data-value={s.value} x={s.x} y={i() * ROW + 6} width={s.width} height={ROW - 12}>
                        <title>{`${row.label}, ${s.label}: ${s.value} (${pct(s.value, whole)})`}</title>
                      </rect>
                    )}
                  </For>
                  <text class="chart__value" x={LABEL_W + barW + 6} y={i() * ROW + ROW / 2 + 5}>
                    {whole}
                  </text>
                </g>
              );
            }}
          </For>
        </svg>
      </Show>
    </Figure>
  );
}
