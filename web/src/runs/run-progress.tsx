/** A running run's phase and how far it got, as a labelled progress bar announced politely to screen readers. */
import { Show } from 'solid-js';
import type { RunProgress } from '../api/runs-api.ts';

const PHASES: Record<RunProgress['phase'], string> = {
  queued: 'Waiting for a free slot',
  load: 'Loading records',
  match: 'Matching records',
  agents: 'Classifying breaks and suggesting resolutions',
  persist: 'Storing exceptions',
};

export function RunProgressBar(props: { progress: RunProgress | undefined; reconnecting?: boolean }) {
  const label = () => (props.progress ? PHASES[props.progress.phase] ?? props.progress.phase : 'Connecting…');
  const total = () => props.progress?.total ?? 0;
  const done = () => Math.min(props.progress?.done ?? 0, total());
  return (
    <section class="run-progress" aria-labelledby="run-progress-label" data-testid="run-progress">
      <div class="run-progress__head">
        <span id="run-progress-label" class="run-progress__phase">
          {label()}
        </span>
        <span class="run-progress__count" role="status" aria-live="polite">
          <Show when={total() > 0} fallback="…">
            {done()} of {total()}
          </Show>
        </span>
      </div>
      {/* Without a total the bar is indeterminate: no value, as the ARIA pattern asks. */}
      <Show when={total() > 0} fallback={<progress class="run-progress__bar" aria-labelledby="run-progress-label" />}>
        <progress class="run-progress__bar" aria-labelledby="run-progress-label" max={total()} value={done()} />
      </Show>
      <Show when={props.progress?.message}>{(message) => <p class="run-progress__message">{message()}</p>}</Show>
      <Show when={props.reconnecting}>
        <p class="run-progress__message">Connection lost; reconnecting…</p>
      </Show>
    </section>
  );
}
