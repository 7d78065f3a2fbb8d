/**
 * The confusion matrix as a heat map: rows are the expected types, columns
 * the predicted ones; the diagonal is green, confusions red, the shade is the
 * cell's share of its row. Every cell names itself for screen readers.
 */
import { For } from 'solid-js';
import type { Confusion } from './evals-api.ts';

const CELL = 22;
const LEFT = 200;
const TOP = 170;

export function cellFill(row: string, column: string, count: number, rowTotal: number): string {
  if (count === 0) return 'var(--evals-empty, #f3f4f6)';
  const share = rowTotal === 0 ? 0 : count / rowTotal;
  const alpha = (0.25 + 0.75 * share).toFixed(2);
  return row === column ? `rgba(22, 128, 61, ${alpha})` : `rgba(200, 38, 38, ${alpha})`;
}

export function ConfusionHeatmap(props: { confusion: Confusion }) {
  // Room on the right for the last column labels, which are rotated into it.
  const width = () => LEFT + props.confusion.columns.length * CELL + 90;
  const height = () => TOP + props.confusion.rows.length * CELL + 8;
  return (
    <figure class="evals-figure">
      <svg role="img" aria-label="Confusion matrix: expected type by row, predicted type by column" width={width()} height={height()} viewBox={`0 0 ${width()} ${height()}`} class="evals-heatmap">
        <For each={props.confusion.columns}>{(column, j) => <text transform={`translate(${LEFT + j() * CELL + CELL / 2},${TOP - 6}) rotate(-60)`} font-size="10">{column}</text>}</For>
        <For each={props.confusion.rows}>
          {(row, i) => {
            const counts = () => props.confusion.counts[i()] ?? [];
            const total = () => counts().reduce((s, n) => s + n, 0);
            return (
              <g>
                <text x={LEFT - 6} y={TOP + i() * CELL + CELL * 0.68} text-anchor="end" font-size="10">{row}</text>
                <For each={counts()}>
                  {(n, j) => (
                    <g>
                      <rect x={LEFT + j() * CELL} y={TOP + i() * CELL} width={CELL - 2} height={CELL - 2} rx="2" fill={cellFill(row, props.confusion.columns[j()]!, n, total())} data-cell={`${row}|${props.confusion.columns[j()]}`}>
                        <title>{`${row} → ${props.confusion.columns[j()]}: ${n}`}</title>
                      </rect>
                      {n > 0 && <text x={LEFT + j() * CELL + (CELL - 2) / 2} y={TOP + i() * CELL + CELL * 0.66} text-anchor="middle" font-size="9">{n}</text>}
                    </g>
                  )}
                </For>
              </g>
            );
          }}
        </For>
      </svg>
      <figcaption>Rows: expected type (last: predicted breaks the truth does not have). Columns: predicted type (last: no break found).</figcaption>
    </figure>
  );
}
