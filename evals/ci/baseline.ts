/**
 * The regression gate: each suite's committed baseline (evals/baselines/)
 * holds its headline numbers; a new run fails when one drops beyond the
 * tolerance (rates: lower; ECE and fallback rate: higher). The diff lists
 * every metric with baseline, now and change, failures marked.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { HEADLINE_METRICS, LOWER_IS_BETTER, headlineSchema, type Headline, type HeadlineMetric } from '../../core/evals/eval-report.ts';

/** How far a headline number may move the wrong way before the gate fails: one point of a rate, 0.01 of ECE. */
export const TOLERANCE = 0.01;

export const baselineSchema = z.object({
  suite: z.string(),
  files: z.array(z.string()),
  mode: z.string(),
  cases: z.number().int(),
  gitRevision: z.string(),
  rulesVersion: z.string(),
  calibration: z.string().nullable(),
  tolerance: z.number(),
  headline: headlineSchema,
});
export type Baseline = z.output<typeof baselineSchema>;

export interface MetricDiff {
  readonly metric: HeadlineMetric;
  readonly baseline: number;
  readonly now: number;
  readonly change: number;
  readonly failed: boolean;
}

export function compareToBaseline(baseline: Baseline, now: Headline): MetricDiff[] {
  return HEADLINE_METRICS.map((metric) => {
    const change = now[metric] - baseline.headline[metric];
    const worse = LOWER_IS_BETTER.includes(metric) ? change : -change;
    // A hair over the tolerance from float noise must not fail: compare at 1e-9.
    return { metric, baseline: baseline.headline[metric], now: now[metric], change, failed: worse > baseline.tolerance + 1e-9 };
  });
}

export function formatDiff(suite: string, diffs: readonly MetricDiff[]): string {
  const rows = diffs.map((d) => `  ${d.failed ? '✗' : ' '} ${d.metric.padEnd(20)} ${d.baseline.toFixed(4)} → ${d.now.toFixed(4)}  (${d.change >= 0 ? '+' : ''}${d.change.toFixed(4)})`);
  return [`${suite}:`, ...rows].join('\n');
}

export async function readBaseline(file: string): Promise<Baseline | null> {
  try {
    return baselineSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function writeBaseline(file: string, baseline: Baseline): Promise<void> {
  await writeFile(file, `${JSON.stringify(baseline, null, 2)}\n`);
}
