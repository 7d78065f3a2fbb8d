/**
 * Seeded bootstrap confidence intervals: resample the cases with replacement,
 * recompute the headline numbers, take the 2.5th and 97.5th percentiles. The
 * case is the unit because breaks of one case are not independent.
 */
import { HEADLINE_METRICS, type HeadlineMetric } from '../../core/evals/eval-report.ts';
import { Random } from '../generator/random.ts';
import type { CaseOutcome } from './case-outcome.ts';
import { headline } from './aggregate.ts';

export interface Interval {
  readonly low: number;
  readonly high: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))));
  return sorted[index]!;
}

export function bootstrapIntervals(outcomes: readonly CaseOutcome[], options: { seed: number; resamples?: number }): Record<HeadlineMetric, Interval> {
  const resamples = options.resamples ?? 200;
  const random = new Random(options.seed);
  const values = Object.fromEntries(HEADLINE_METRICS.map((m) => [m, [] as number[]])) as Record<HeadlineMetric, number[]>;
  if (outcomes.length > 0) {
    for (let r = 0; r < resamples; r++) {
      const sample = Array.from({ length: outcomes.length }, () => outcomes[random.int(0, outcomes.length - 1)]!);
      const h = headline(sample);
      for (const m of HEADLINE_METRICS) values[m].push(h[m]);
    }
  }
  return Object.fromEntries(
    HEADLINE_METRICS.map((m) => {
      const sorted = values[m].sort((a, b) => a - b);
      return [m, { low: percentile(sorted, 0.025), high: percentile(sorted, 0.975) }];
    }),
  ) as Record<HeadlineMetric, Interval>;
}
