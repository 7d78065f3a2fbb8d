/** One mode's numbers: headline figures with their intervals, targets, per-type accuracy, the heat map and the calibration curve. */
import { For, Show } from 'solid-js';
import { CalibrationChart } from './calibration-chart.tsx';
import { ConfusionHeatmap } from './confusion-heatmap.tsx';
import type { ModeReport } from './evals-api.ts';

export const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

const HEADLINES: readonly { key: keyof ModeReport['headline']; label: string; format: (x: number) => string }[] = [
  { key: 'matchingF1', label: 'Matching F1', format: pct },
  { key: 'typeAccuracy', label: 'Break type accuracy', format: pct },
  { key: 'typeMacroF1', label: 'Type macro-F1', format: pct },
  { key: 'causeAccuracy', label: 'Cause accuracy', format: pct },
  { key: 'resolutionExactness', label: 'Resolution exactness', format: pct },
  { key: 'ece', label: 'Calibration error (ECE)', format: (x) => x.toFixed(3) },
  { key: 'fallbackRate', label: 'Fallback rate', format: pct },
];

export function ModeView(props: { mode: ModeReport }) {
  const m = () => props.mode;
  return (
    <section class="evals-mode" aria-label={`Mode ${m().mode}`}>
      <p class="evals-muted">
        {m().cases} cases, {m().expectedBreaks} expected breaks, {m().predictedBreaks} predicted; {m().usage.tokensPerCase.toFixed(0)} tokens and {m().usage.costPerCase} USD per case, p50 latency {m().usage.latencyMsPerCase.p50.toFixed(0)} ms.
      </p>
      <dl class="evals-headline">
        <For each={HEADLINES}>
          {(h) => {
            const ci = () => m().intervals[h.key];
            return (
              <div class="evals-stat">
                <dt>{h.label}</dt>
                <dd>{h.format(m().headline[h.key])}</dd>
                <Show when={ci() && ci()!.high > 0}>
                  <dd class="evals-muted">95 %: {h.format(ci()!.low)} – {h.format(ci()!.high)}</dd>
                </Show>
              </div>
            );
          }}
        </For>
      </dl>
      <Show when={m().targets.some((t) => !t.met)}>
        <div class="ops-notice ops-notice--error" role="status">
          <p>Targets missed: {m().targets.filter((t) => !t.met).map((t) => `${t.metric} on ${t.slice} is ${t.value === null ? '—' : t.value.toFixed(3)} (wanted ${t.op} ${t.target})`).join('; ')}.</p>
          <Show when={m().dragging.length > 0}>
            <p>Dragged down by: {m().dragging.map((d) => `${d.type} (F1 ${d.f1.toFixed(2)})`).join(', ')}.</p>
          </Show>
        </div>
      </Show>
      <h3>Per-type accuracy</h3>
      <table class="evals-table">
        <thead>
          <tr><th scope="col">Type</th><th scope="col">Breaks</th><th scope="col">Recall</th><th scope="col">Precision</th><th scope="col">F1</th></tr>
        </thead>
        <tbody>
          <For each={m().perType}>
            {(t) => (
              <tr>
                <th scope="row">{t.type}</th>
                <td>{t.support}</td>
                <td>
                  <span class="evals-bar" style={{ width: `${Math.round(t.recall * 100)}%` }} aria-hidden="true" />
                  {pct(t.recall)}
                </td>
                <td>{pct(t.precision)}</td>
                <td>{t.f1.toFixed(3)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <div class="evals-plots">
        <div>
          <h3>Confusion matrix</h3>
          <ConfusionHeatmap confusion={m().confusion} />
        </div>
        <div>
          <h3>Calibration</h3>
          <CalibrationChart bins={m().calibration} ece={m().headline.ece} />
        </div>
      </div>
    </section>
  );
}

/** Rules vs LLM vs hybrid on the same cases, one row per headline number. */
export function ModeComparison(props: { modes: readonly ModeReport[] }) {
  return (
    <table class="evals-table" aria-label="Mode comparison">
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <For each={props.modes}>{(m) => <th scope="col">{m.mode}</th>}</For>
        </tr>
      </thead>
      <tbody>
        <For each={HEADLINES}>
          {(h) => (
            <tr>
              <th scope="row">{h.label}</th>
              <For each={props.modes}>{(m) => <td>{h.format(m.headline[h.key])}</td>}</For>
            </tr>
          )}
        </For>
        <tr>
          <th scope="row">Cost per case (USD)</th>
          <For each={props.modes}>{(m) => <td>{m.usage.costPerCase}</td>}</For>
        </tr>
      </tbody>
    </table>
  );
}
