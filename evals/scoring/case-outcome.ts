/**
 * Scores one case's prediction against its truth, as the contract says: the
 * matching pairs, then each expected break paired with the predicted break
 * whose record-id set overlaps it most (Jaccard ≥ 0.5; on a tie the one
 * listed first). A missing prediction — no line for the case, or no break
 * close enough — counts as wrong. Predicted breaks no expected break chose are
 * spurious: they count against their type's precision and the calibration.
 */
import type { EvalCase } from '../case-schema.ts';
import type { PredictedBreak, Prediction } from '../prediction-schema.ts';
import { scoreMatching } from './matching-score.ts';
import { resolutionExact } from './resolution-compare.ts';

export interface BreakOutcome {
  /** `e:e2`, `i:i2`: the expected break's records. */
  readonly records: readonly string[];
  readonly expected: { readonly type: string; readonly cause: string; readonly action: string };
  readonly predicted: { readonly type: string; readonly cause: string; readonly action: string; readonly confidence: number } | null;
  readonly typeRight: boolean;
  readonly causeRight: boolean;
  readonly actionRight: boolean;
  readonly exact: boolean;
}

export interface CaseOutcome {
  readonly caseId: string;
  readonly domain: string;
  readonly difficulty: string;
  readonly tags: readonly string[];
  readonly matching: { readonly truePositives: number; readonly predicted: number; readonly expected: number; readonly leaked: number };
  readonly breaks: readonly BreakOutcome[];
  readonly spurious: readonly { readonly type: string; readonly confidence: number }[];
  readonly predictedBreaks: number;
  readonly fallbacks: number;
  readonly usage: { readonly tokensIn: number; readonly tokensOut: number; readonly cost: string; readonly latencyMs: number } | null;
  /** False when the predictions had no line for this case. */
  readonly predictedAtAll: boolean;
}

const keyOf = (external: readonly string[], internal: readonly string[]) => [...external.map((id) => `e:${id}`), ...internal.map((id) => `i:${id}`)];

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let both = 0;
  for (const x of a) if (b.has(x)) both += 1;
  return both / (a.size + b.size - both);
}

/** Index of the predicted break that overlaps `records` most (≥ 0.5), first on ties; -1 for none. */
export function bestOverlap(records: ReadonlySet<string>, predicted: readonly ReadonlySet<string>[]): number {
  let best = -1;
  let score = 0;
  predicted.forEach((p, index) => {
    const j = jaccard(records, p);
    if (j >= 0.5 && j > score) [best, score] = [index, j];
  });
  return best;
}

export function scoreCase(c: EvalCase, prediction: Prediction | undefined): CaseOutcome {
  const predictedBreaks: readonly PredictedBreak[] = prediction?.breaks ?? [];
  const matching = scoreMatching(prediction?.matches ?? [], c.expected.matches, c.expected.breaks);
  const sets = predictedBreaks.map((b) => new Set(keyOf(b.external, b.internal)));
  const chosen = new Set<number>();
  const breaks = c.expected.breaks.map((truth): BreakOutcome => {
    const records = keyOf(truth.external, truth.internal);
    const index = bestOverlap(new Set(records), sets);
    const expected = { type: truth.type, cause: truth.cause, action: truth.resolution.action };
    if (index < 0) return { records, expected, predicted: null, typeRight: false, causeRight: false, actionRight: false, exact: false };
    chosen.add(index);
    const p = predictedBreaks[index]!;
    return {
      records,
      expected,
      predicted: { type: p.type, cause: p.cause, action: p.resolution.action, confidence: p.confidence },
      typeRight: p.type === truth.type,
      causeRight: p.cause === truth.cause,
      actionRight: p.resolution.action === truth.resolution.action,
      exact: resolutionExact(truth.resolution, p.resolution),
    };
  });
  return {
    caseId: c.id,
    domain: c.domain,
    difficulty: c.difficulty ?? 'unspecified',
    tags: c.tags,
    matching: { truePositives: matching.truePositives, predicted: matching.predicted, expected: matching.expected, leaked: matching.breakRecordsMatched.length },
    breaks,
    spurious: predictedBreaks.filter((_, i) => !chosen.has(i)).map((b) => ({ type: b.type, confidence: b.confidence })),
    predictedBreaks: predictedBreaks.length,
    fallbacks: predictedBreaks.filter((b) => b.fallbackReason !== undefined).length,
    usage: prediction?.usage ?? null,
    predictedAtAll: prediction !== undefined,
  };
}
