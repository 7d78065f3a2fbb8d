/** Reliability diagram: observed accuracy against mean confidence per bin; the dashed diagonal is perfect calibration. */
import { For, Show } from 'solid-js';
import type { CalibrationBin } from './evals-api.ts';

const SIZE = 260;
const PAD = 34;
const x = (v: number) => PAD + v * (SIZE - 2 * PAD);
const y = (v: number) => SIZE - x(v);

export function CalibrationChart(props: { bins: readonly CalibrationBin[]; ece: number }) {
  const used = () => props.bins.filter((b) => b.count > 0);
  const max = () => Math.max(1, ...used().map((b) => b.count));
  return (
    <figure class="evals-figure">
      <svg role="img" aria-label={`Calibration curve, expected calibration error ${props.ece.toFixed(3)}`} width={SIZE} height={SIZE} viewBox={`0 0 ${SIZE} ${SIZE}`}>
        <rect x={PAD} y={PAD} width={SIZE - 2 * PAD} height={SIZE - 2 * PAD} fill="none" stroke="#9ca3af" />
        <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} stroke="#9ca3af" stroke-dasharray="4 3" />
        <For each={[0, 0.5, 1]}>
          {(t) => (
            <>
              <text x={x(t)} y={SIZE - PAD + 14} text-anchor="middle" font-size="10">{t}</text>
              <text x={PAD - 6} y={y(t) + 3} text-anchor="end" font-size="10">{t}</text>
            </>
          )}
        </For>
        <text x={SIZE / 2} y={SIZE - 4} text-anchor="middle" font-size="10">confidence</text>
        <text transform={`translate(10,${SIZE / 2}) rotate(-90)`} text-anchor="middle" font-size="10">accuracy</text>
        <Show when={used().length > 1}>
          <polyline fill="none" stroke="#2563eb" stroke-width="1.5" points={used().map((b) => `${x(b.meanConfidence).toFixed(1)},${y(b.accuracy).toFixed(1)}`).join(' ')} />
        </Show>
        <For each={used()}>
          {(b) => (
            <circle cx={x(b.meanConfidence)} cy={y(b.accuracy)} r={2 + 6 * Math.sqrt(b.count / max())} fill="#2563eb" fill-opacity="0.6" data-bin={b.from.toFixed(1)}>
              <title>{`${b.from.toFixed(1)}–${b.to.toFixed(1)}: ${b.count} answers, confidence ${b.meanConfidence.toFixed(3)}, accuracy ${b.accuracy.toFixed(3)}`}</title>
            </circle>
          )}
        </For>
      </svg>
      <figcaption>Expected calibration error {props.ece.toFixed(3)}: how far confidence is from accuracy, weighted by answers.</figcaption>
    </figure>
  );
}
