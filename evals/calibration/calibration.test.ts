import { describe, expect, it } from 'vitest';
import { calibrationBins, expectedCalibrationError } from '../scoring/aggregate.ts';
import { calibrationFrom, calibratePoints, withEntry } from './calibration-map.ts';
import { fitCalibrationEntries } from './fit-calibration.ts';
import { applyIsotonic, fitIsotonic } from './isotonic.ts';

const s = (confidence: number, right: boolean) => ({ confidence, right });

describe('isotonic calibration', () => {
  it('pools adjacent violators into a non-decreasing step function (hand-computed)', () => {
    // 0.2: 1 of 1 right, 0.4: 0 of 2, 0.6: 1 of 2, 0.9: 2 of 2. 0.2 and 0.4 violate: pooled to 1/3.
    const points = fitIsotonic([s(0.2, true), s(0.4, false), s(0.4, false), s(0.6, true), s(0.6, false), s(0.9, true), s(0.9, true)]);
    expect(points.map((p) => [p.from, p.to, Number(p.value.toFixed(4)), p.count])).toEqual([
      [0.2, 0.4, 0.3333, 3],
      [0.6, 0.6, 0.5, 2],
      [0.9, 0.9, 1, 2],
    ]);
    // Below the fitted range: never raised, capped by the first step.
    expect(applyIsotonic(points, 0.1)).toBe(0.1);
    expect(applyIsotonic(points, 0.2)).toBeCloseTo(1 / 3, 10);
    expect(applyIsotonic([{ from: 0.7, to: 0.95, value: 0.5, count: 9 }], 0.6)).toBe(0.5);
    expect(applyIsotonic(points, 0.6)).toBe(0.5);
    // Halfway between 0.6 (0.5) and 0.9 (1): 0.75.
    expect(applyIsotonic(points, 0.75)).toBeCloseTo(0.75, 10);
    expect(applyIsotonic(points, 0.99)).toBe(1);
    expect(applyIsotonic([], 0.42)).toBe(0.42);
  });

  it('turns an overconfident toy set into a calibrated one, clamped to [0.01, 0.99]', () => {
    // Raw 0.95 is right 60 % of the time, raw 0.7 30 %.
    const toy = [...Array.from({ length: 10 }, (_, i) => s(0.95, i < 6)), ...Array.from({ length: 10 }, (_, i) => s(0.7, i < 3))];
    const before = expectedCalibrationError(calibrationBins(toy));
    const [entry] = fitCalibrationEntries(toy.map((x) => ({ ...x, key: { source: 'rules', promptVersion: 'rules@1', model: null } })), ['toy.jsonl'], new Date(0));
    const after = expectedCalibrationError(calibrationBins(toy.map((x) => ({ ...x, confidence: calibratePoints(entry!.points, x.confidence) }))));
    expect(before).toBeCloseTo(0.5 * 0.35 + 0.5 * 0.4, 10);
    expect(after).toBeLessThan(0.001);
    expect(calibratePoints([{ from: 0, to: 1, value: 1, count: 3 }], 0.5)).toBe(0.99);
  });

  it('applies only the entry of the answer\'s own versions', () => {
    const map = withEntry(null, { key: { source: 'rules', promptVersion: 'rules@1', model: null }, method: 'isotonic', fittedAt: '', fittedOn: [], samples: 2, points: [{ from: 0.9, to: 0.9, value: 0.5, count: 2 }] });
    const calibration = calibrationFrom(map);
    expect(calibration.calibrate(0.9, { source: 'rules', promptVersion: 'rules@1' })).toBe(0.5);
    expect(calibration.calibrate(0.9, { source: 'rules', promptVersion: 'rules@2' })).toBe(0.9);
    expect(calibration.calibrate(0.9, { source: 'llm', promptVersion: 'rules@1', model: 'm' })).toBe(0.9);
    expect(withEntry(map, { ...map.entries[0]!, samples: 9 }).entries).toHaveLength(1);
  });
});
