/**
 * Headline numbers over many case outcomes: pairwise matching (micro over
 * cases), break type accuracy, macro-F1 over types with per-type precision and
 * recall and the confusion matrix, cause and action accuracy, resolution
 * exactness, expected calibration error and the fallback rate. An empty
 * denominator gives 1 (nothing to get wrong), like the matching score.
 */
import type { CalibrationBin, Confusion, Headline, PerTypeScore } from '../../core/evals/eval-report.ts';
import type { CaseOutcome } from './case-outcome.ts';

export const MISSING = '(missing)';
export const SPURIOUS = '(spurious)';
export const CALIBRATION_BINS = 10;

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** (confidence, right) pairs: every paired prediction by its type's correctness, every spurious break as wrong. */
export function calibrationSamples(outcomes: readonly CaseOutcome[]): { confidence: number; right: boolean }[] {
  const out: { confidence: number; right: boolean }[] = [];
  for (const o of outcomes) {
    for (const b of o.breaks) if (b.predicted) out.push({ confidence: b.predicted.confidence, right: b.typeRight });
    for (const s of o.spurious) out.push({ confidence: s.confidence, right: false });
  }
  return out;
}

/** Equal-width bins over [0, 1] (1 falls in the last); empty bins are kept with count 0. */
export function calibrationBins(samples: readonly { confidence: number; right: boolean }[], bins = CALIBRATION_BINS): CalibrationBin[] {
  const acc = Array.from({ length: bins }, (_, i) => ({ from: i / bins, to: (i + 1) / bins, count: 0, sumConfidence: 0, right: 0 }));
  for (const s of samples) {
    const bin = acc[Math.min(bins - 1, Math.floor(s.confidence * bins))]!;
    bin.count += 1;
    bin.sumConfidence += s.confidence;
    bin.right += s.right ? 1 : 0;
  }
  return acc.map((b) => ({ from: b.from, to: b.to, count: b.count, meanConfidence: b.count === 0 ? 0 : b.sumConfidence / b.count, accuracy: b.count === 0 ? 0 : b.right / b.count }));
}

/** ECE = Σ |bin| / n · |accuracy(bin) − mean confidence(bin)|; 0 with no samples. */
export function expectedCalibrationError(bins: readonly CalibrationBin[]): number {
  const n = bins.reduce((s, b) => s + b.count, 0);
  if (n === 0) return 0;
  return bins.reduce((s, b) => s + (b.count / n) * Math.abs(b.accuracy - b.meanConfidence), 0);
}

export interface TypeScores {
  readonly perType: PerTypeScore[];
  readonly macroF1: number;
  readonly confusion: Confusion;
}

/** Per-type precision, recall and F1 over the types either side names; macro-F1 is their mean F1. */
export function typeScores(outcomes: readonly CaseOutcome[]): TypeScores {
  const support = new Map<string, number>();
  const predicted = new Map<string, number>();
  const hits = new Map<string, number>();
  const cells = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const o of outcomes) {
    for (const b of o.breaks) {
      bump(support, b.expected.type);
      const column = b.predicted?.type ?? MISSING;
      if (b.predicted) bump(predicted, b.predicted.type);
      if (b.typeRight) bump(hits, b.expected.type);
      bump(cells, `${b.expected.type}\u0000${column}`);
    }
    for (const s of o.spurious) {
      bump(predicted, s.type);
      bump(cells, `${SPURIOUS}\u0000${s.type}`);
    }
  }
  const types = [...new Set([...support.keys(), ...predicted.keys()])].sort();
  const perType = types.map((type): PerTypeScore => {
    const tp = hits.get(type) ?? 0;
    const sup = support.get(type) ?? 0;
    const pred = predicted.get(type) ?? 0;
    const precision = pred === 0 ? 0 : tp / pred;
    const recall = sup === 0 ? 0 : tp / sup;
    return { type, support: sup, predicted: pred, precision, recall, f1: f1(precision, recall) };
  });
  const macroF1 = perType.length === 0 ? 1 : perType.reduce((s, t) => s + t.f1, 0) / perType.length;
  const rows = [...types, SPURIOUS];
  const columns = [...types, MISSING];
  const counts = rows.map((r) => columns.map((c) => cells.get(`${r}\u0000${c}`) ?? 0));
  return { perType, macroF1, confusion: { rows, columns, counts } };
}

export function headline(outcomes: readonly CaseOutcome[]): Headline {
  let tp = 0;
  let predictedPairs = 0;
  let expectedPairs = 0;
  let breaks = 0;
  let type = 0;
  let cause = 0;
  let action = 0;
  let exact = 0;
  let predictedBreaks = 0;
  let fallbacks = 0;
  for (const o of outcomes) {
    tp += o.matching.truePositives;
    predictedPairs += o.matching.predicted;
    expectedPairs += o.matching.expected;
    predictedBreaks += o.predictedBreaks;
    fallbacks += o.fallbacks;
    for (const b of o.breaks) {
      breaks += 1;
      type += b.typeRight ? 1 : 0;
      cause += b.causeRight ? 1 : 0;
      action += b.actionRight ? 1 : 0;
      exact += b.exact ? 1 : 0;
    }
  }
  const precision = ratio(tp, predictedPairs);
  const recall = ratio(tp, expectedPairs);
  return {
    matchingPrecision: precision,
    matchingRecall: recall,
    matchingF1: f1(precision, recall),
    typeAccuracy: ratio(type, breaks),
    typeMacroF1: typeScores(outcomes).macroF1,
    causeAccuracy: ratio(cause, breaks),
    actionAccuracy: ratio(action, breaks),
    resolutionExactness: ratio(exact, breaks),
    ece: expectedCalibrationError(calibrationBins(calibrationSamples(outcomes))),
    fallbackRate: predictedBreaks === 0 ? 0 : fallbacks / predictedBreaks,
  };
}
