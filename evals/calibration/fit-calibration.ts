/**
 * Fits the calibration map from predictions made with raw confidences on a
 * calibration split: each answer's (raw confidence, type right?) pair,
 * grouped by source, prompt version and model, one isotonic curve per group.
 * Pairing follows the scorers (case-outcome.ts); spurious breaks count as wrong.
 */
import type { EvalCase } from '../case-schema.ts';
import type { Prediction } from '../prediction-schema.ts';
import { bestOverlap } from '../scoring/case-outcome.ts';
import { keyText, type CalibrationEntry, type CalibrationKey } from './calibration-map.ts';
import { fitIsotonic } from './isotonic.ts';

export interface KeyedSample {
  readonly key: CalibrationKey;
  readonly confidence: number;
  readonly right: boolean;
}

const ids = (external: readonly string[], internal: readonly string[]) => new Set([...external.map((id) => `e:${id}`), ...internal.map((id) => `i:${id}`)]);

export function calibrationSamplesOf(cases: readonly EvalCase[], predictions: readonly Prediction[]): KeyedSample[] {
  const byId = new Map(predictions.map((p) => [p.id, p]));
  const out: KeyedSample[] = [];
  for (const c of cases) {
    const p = byId.get(c.id);
    if (!p) continue;
    const sets = p.breaks.map((b) => ids(b.external, b.internal));
    const right = new Map<number, boolean>();
    for (const truth of c.expected.breaks) {
      const index = bestOverlap(ids(truth.external, truth.internal), sets);
      if (index >= 0) right.set(index, (right.get(index) ?? false) || p.breaks[index]!.type === truth.type);
    }
    p.breaks.forEach((b, i) => out.push({ key: { source: b.source ?? 'rules', promptVersion: b.promptVersion ?? 'unknown', model: b.model ?? null }, confidence: b.confidence, right: right.get(i) ?? false }));
  }
  return out;
}

export function fitCalibrationEntries(samples: readonly KeyedSample[], fittedOn: readonly string[], now: Date): CalibrationEntry[] {
  const groups = new Map<string, { key: CalibrationKey; samples: KeyedSample[] }>();
  for (const s of samples) {
    const k = keyText(s.key);
    if (!groups.has(k)) groups.set(k, { key: s.key, samples: [] });
    groups.get(k)!.samples.push(s);
  }
  return [...groups.values()].map((g) => ({
    key: g.key,
    method: 'isotonic' as const,
    fittedAt: now.toISOString(),
    fittedOn: [...fittedOn],
    samples: g.samples.length,
    points: fitIsotonic(g.samples),
  }));
}
