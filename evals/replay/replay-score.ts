/**
 * Scores the current system against what reviewers decided (cases from
 * `recon eval export-decisions`): how many approved or edited resolutions it
 * now proposes exactly as people left them, how many fields people would
 * still have to change, and how many rejected suggestions it still repeats.
 */
import type { ReplayReport } from '../../core/evals/eval-report.ts';
import type { EvalCase } from '../case-schema.ts';
import type { Prediction } from '../prediction-schema.ts';
import { bestOverlap } from '../scoring/case-outcome.ts';
import { EXACT_FIELDS, resolutionEditDistance } from '../scoring/resolution-compare.ts';

const ids = (external: readonly string[], internal: readonly string[]) => new Set([...external.map((id) => `e:${id}`), ...internal.map((id) => `i:${id}`)]);

export function scoreReplay(cases: readonly EvalCase[], predictions: readonly Prediction[]): ReplayReport | undefined {
  const replayed = cases.filter((c) => c.replay);
  if (replayed.length === 0) return undefined;
  const byId = new Map(predictions.map((p) => [p.id, p]));
  const byDecision: Record<string, number> = {};
  let kept = 0;
  let accepted = 0;
  let distance = 0;
  let repeated = 0;
  for (const c of replayed) {
    const decision = c.replay!.decision;
    byDecision[decision] = (byDecision[decision] ?? 0) + 1;
    const truth = c.expected.breaks[0]!;
    const p = byId.get(c.id);
    const index = p ? bestOverlap(ids(truth.external, truth.internal), p.breaks.map((b) => ids(b.external, b.internal))) : -1;
    const predicted = index >= 0 ? p!.breaks[index]! : undefined;
    if (decision === 'rejected') {
      if (predicted && predicted.type === c.replay!.suggested.type && resolutionEditDistance(predicted.resolution, c.replay!.suggested.resolution) === 0) repeated += 1;
      continue;
    }
    kept += 1;
    // No break at all: every field of the decided resolution is still to do.
    const d = predicted ? resolutionEditDistance(truth.resolution, predicted.resolution) + (predicted.type === truth.type ? 0 : 1) : 1 + EXACT_FIELDS.filter((f) => f in truth.resolution).length;
    distance += d;
    if (d === 0) accepted += 1;
  }
  return { decisions: replayed.length, byDecision, acceptedAsIs: kept === 0 ? 1 : accepted / kept, meanEditDistance: kept === 0 ? 0 : distance / kept, rejectedRepeated: repeated };
}
