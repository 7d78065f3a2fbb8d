import { describe, expect, it } from 'vitest';
import type { Headline } from '../../core/evals/eval-report.ts';
import { compareToBaseline, formatDiff, type Baseline } from './baseline.ts';

const headline: Headline = { matchingPrecision: 1, matchingRecall: 1, matchingF1: 1, typeAccuracy: 0.95, typeMacroF1: 0.9, causeAccuracy: 0.9, actionAccuracy: 0.9, resolutionExactness: 0.85, ece: 0.03, fallbackRate: 0 };
const baseline: Baseline = { suite: 's', files: [], mode: 'rules', cases: 10, gitRevision: 'abc', rulesVersion: 'rules@1', calibration: null, tolerance: 0.01, headline };

describe('the regression gate', () => {
  it('passes within the tolerance and on improvements', () => {
    const diffs = compareToBaseline(baseline, { ...headline, typeAccuracy: 0.94, resolutionExactness: 0.99, ece: 0.04 });
    expect(diffs.filter((d) => d.failed)).toEqual([]);
  });

  it('fails a rate that drops beyond the tolerance and an ECE that rises beyond it, and prints the diff', () => {
    const diffs = compareToBaseline(baseline, { ...headline, typeMacroF1: 0.88, ece: 0.05, fallbackRate: 0.02 });
    expect(diffs.filter((d) => d.failed).map((d) => d.metric)).toEqual(['typeMacroF1', 'ece', 'fallbackRate']);
    const text = formatDiff('s', diffs);
    expect(text).toMatch(/✗ typeMacroF1 +0\.9000 → 0\.8800 {2}\(-0\.0200\)/);
    expect(text).toMatch(/ {3}typeAccuracy +0\.9500 → 0\.9500 {2}\(\+0\.0000\)/);
  });
});
