import { describe, expect, it } from 'vitest';
import type { EvalCase } from '../case-schema.ts';
import type { Prediction } from '../prediction-schema.ts';
import { calibrationBins, expectedCalibrationError, headline, MISSING, SPURIOUS, typeScores } from './aggregate.ts';
import { bootstrapIntervals } from './bootstrap.ts';
import { bestOverlap, scoreCase } from './case-outcome.ts';
import { scoreMatching } from './matching-score.ts';
import { resolutionEditDistance, resolutionExact } from './resolution-compare.ts';

const rec = (id: string, amount: string) => ({ id, account: 'A', date: '2026-10-01', amount, currency: 'EUR' });

/** e1/i1 match; e2/i2 a fee deduction of -15.00; e3 an unbooked fee. */
const base: EvalCase = {
  id: 'c1',
  domain: 'cash',
  asOf: '2026-10-31',
  tags: ['fee'],
  difficulty: 'clean',
  external: [rec('e1', '-100.00'), rec('e2', '985.00'), rec('e3', '-12.50')],
  internal: [rec('i1', '-100.00'), rec('i2', '1000.00')],
  expected: {
    matches: [{ external: ['e1'], internal: ['i1'] }],
    breaks: [
      { external: ['e2'], internal: ['i2'], type: 'fee_deduction', cause: 'wire_fee_deducted', resolution: { action: 'match_with_adjustment', external: ['e2'], internal: ['i2'], account: 'bank_charges', amount: '-15.00', currency: 'EUR' } },
      { external: ['e3'], internal: [], type: 'unbooked_fee', cause: 'bank_service_charge', resolution: { action: 'post_journal', account: 'bank_charges', amount: '-12.50', currency: 'EUR' } },
    ],
  },
};

function prediction(breaks: Prediction['breaks'], matches: Prediction['matches'] = [{ external: ['e1'], internal: ['i1'] }]): Prediction {
  return { id: 'c1', mode: 'rules', matches, breaks };
}

describe('matching score', () => {
  it('is 1/1/1 with both sides empty, and counts every pair of a 1:N group', () => {
    expect(scoreMatching([], [], [])).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    // Predicted {e1}×{i1,i2} = 2 pairs, expected e1×i1 = 1 pair: P = 1/2, R = 1, F1 = 2/3.
    const s = scoreMatching([{ external: ['e1'], internal: ['i1', 'i2'] }], [{ external: ['e1'], internal: ['i1'] }], [{ external: [], internal: ['i2'] }]);
    expect(s.precision).toBe(0.5);
    expect(s.recall).toBe(1);
    expect(s.f1).toBeCloseTo(2 / 3, 10);
    expect(s.breakRecordsMatched).toEqual(['i:i2']);
  });

  it('has recall 0 and precision 1 when nothing is predicted but pairs are expected', () => {
    expect(scoreMatching([], [{ external: ['e1'], internal: ['i1'] }], [])).toMatchObject({ precision: 1, recall: 0, f1: 0 });
  });
});

describe('pairing expected and predicted breaks', () => {
  it('takes the largest Jaccard overlap of at least 0.5, the first listed on a tie', () => {
    const truth = new Set(['e:e1', 'i:i1']);
    // {e1} and {i1} both overlap 1/2: the first wins. {e1,i1,i2} overlaps 2/3 and beats them.
    expect(bestOverlap(truth, [new Set(['e:e1']), new Set(['i:i1'])])).toBe(0);
    expect(bestOverlap(truth, [new Set(['e:e1']), new Set(['e:e1', 'i:i1', 'i:i2'])])).toBe(1);
    // 1/3 is too little.
    expect(bestOverlap(truth, [new Set(['e:e1', 'i:i9', 'i:i8'])])).toBe(-1);
    expect(bestOverlap(new Set(), [new Set()])).toBe(-1);
  });
});

describe('scoring one case', () => {
  const right = prediction([
    { external: ['e2'], internal: ['i2'], type: 'fee_deduction', cause: 'wire_fee_deducted', resolution: { action: 'match_with_adjustment', external: ['e2'], internal: ['i2'], account: 'bank_charges', amount: '-15', currency: 'EUR' }, confidence: 0.9 },
    { external: ['e3'], internal: [], type: 'unbooked_fee', cause: 'bank_service_charge', resolution: { action: 'post_journal', account: 'bank_charges', amount: '-12.50', currency: 'EUR' }, confidence: 0.8 },
  ]);

  it('scores a right prediction as right, amounts compared as exact decimals', () => {
    const o = scoreCase(base, right);
    expect(o.breaks.map((b) => [b.typeRight, b.causeRight, b.actionRight, b.exact])).toEqual([
      [true, true, true, true],
      [true, true, true, true],
    ]);
    expect(headline([o])).toMatchObject({ matchingF1: 1, typeAccuracy: 1, typeMacroF1: 1, resolutionExactness: 1, fallbackRate: 0 });
  });

  it('counts a missing prediction line as wrong everywhere', () => {
    const o = scoreCase(base, undefined);
    expect(o.predictedAtAll).toBe(false);
    expect(o.breaks.every((b) => b.predicted === null && !b.typeRight)).toBe(true);
    const h = headline([o]);
    expect(h.typeAccuracy).toBe(0);
    expect(h.matchingRecall).toBe(0);
    // No prediction: type precision and recall are 0 for both expected types.
    expect(h.typeMacroF1).toBe(0);
  });

  it('hand-computed: one type wrong, one amount off by a cent, one spurious break', () => {
    const o = scoreCase(
      base,
      prediction([
        // Right type and action, amount off by a cent: action right, not exact.
        { external: ['e2'], internal: ['i2'], type: 'fee_deduction', cause: 'wire_fee_deducted', resolution: { action: 'match_with_adjustment', external: ['e2'], internal: ['i2'], account: 'bank_charges', amount: '-15.01', currency: 'EUR' }, confidence: 1 },
        // Wrong type (and cause), right action and amount: exact, but the type is wrong.
        { external: ['e3'], internal: [], type: 'missing_internal', cause: 'unrecorded_direct_debit', resolution: { action: 'post_journal', account: 'bank_charges', amount: '-12.50', currency: 'EUR' }, confidence: 0.5, fallbackReason: 'timeout' },
        { external: [], internal: ['i1'], type: 'missing_external', cause: 'erroneous_booking', resolution: { action: 'reverse_entry', recordId: 'i1' }, confidence: 0.5 },
      ], []),
    );
    const h = headline([o]);
    expect(h.typeAccuracy).toBe(0.5);
    expect(h.causeAccuracy).toBe(0.5);
    expect(h.actionAccuracy).toBe(1);
    expect(h.resolutionExactness).toBe(0.5);
    expect(h.fallbackRate).toBeCloseTo(1 / 3, 10);
    expect(h.matchingRecall).toBe(0);
    // Types: fee_deduction P=1 R=1 F1=1; unbooked_fee P=0 R=0; missing_internal P=0 (1 predicted, 0 right); missing_external P=0 (spurious). Macro = 1/4.
    const t = typeScores([o]);
    expect(t.perType.map((x) => [x.type, x.support, x.predicted, x.f1])).toEqual([
      ['fee_deduction', 1, 1, 1],
      ['missing_external', 0, 1, 0],
      ['missing_internal', 0, 1, 0],
      ['unbooked_fee', 1, 0, 0],
    ]);
    expect(h.typeMacroF1).toBe(0.25);
    const cell = (row: string, column: string) => t.confusion.counts[t.confusion.rows.indexOf(row)]![t.confusion.columns.indexOf(column)];
    expect(cell('unbooked_fee', 'missing_internal')).toBe(1);
    expect(cell(SPURIOUS, 'missing_external')).toBe(1);
    expect(cell('fee_deduction', MISSING)).toBe(0);
    // Calibration samples: (1, right), (0.5, wrong), spurious (0.5, wrong): bins 0.5 → acc 0 conf 0.5; bin 0.9–1 → acc 1 conf 1. ECE = 2/3·0.5 + 1/3·0 = 1/3.
    expect(h.ece).toBeCloseTo(1 / 3, 10);
  });
});

describe('calibration error', () => {
  it('is 0 for perfectly calibrated bins and for no samples', () => {
    expect(expectedCalibrationError(calibrationBins([]))).toBe(0);
    // Five answers at 0.75, three of them right: accuracy 0.6, ECE |0.6 − 0.75| = 0.15.
    const samples = [true, true, true, false, false].map((right) => ({ confidence: 0.75, right }));
    expect(expectedCalibrationError(calibrationBins(samples))).toBeCloseTo(0.15, 10);
    expect(expectedCalibrationError(calibrationBins([{ confidence: 0.5, right: true }, { confidence: 0.5, right: false }]))).toBe(0);
  });

  it('puts confidence 1 into the last bin', () => {
    const bins = calibrationBins([{ confidence: 1, right: true }]);
    expect(bins[9]!.count).toBe(1);
    expect(bins).toHaveLength(10);
  });
});

describe('resolution comparison', () => {
  it('needs every parameter the truth gives, free text aside', () => {
    expect(resolutionExact({ action: 'contact_counterparty', message: 'a' }, { action: 'contact_counterparty', message: 'b' })).toBe(true);
    expect(resolutionExact({ action: 'correct_entry', recordId: 'i1', field: 'quantity', from: '10', to: '20' }, { action: 'correct_entry', recordId: 'i1', field: 'quantity', from: '9', to: '20.0' })).toBe(true);
    expect(resolutionExact({ action: 'reverse_entry', recordId: 'i1' }, { action: 'reverse_entry', recordId: 'i2' })).toBe(false);
    expect(resolutionExact({ action: 'post_journal', account: 'bank_charges', amount: '-1.00', currency: 'EUR' }, { action: 'post_journal', account: 'bank_charges', amount: '-1.00', currency: 'USD' })).toBe(false);
  });

  it('counts the fields a person changed', () => {
    const a = { action: 'post_journal', account: 'bank_charges', amount: '-1.00', currency: 'EUR' } as const;
    expect(resolutionEditDistance(a, a)).toBe(0);
    expect(resolutionEditDistance(a, { ...a, account: 'suspense', amount: '-2.00' })).toBe(2);
    // Another action: 1, plus account, amount, currency, recordId on one side only.
    expect(resolutionEditDistance(a, { action: 'reverse_entry', recordId: 'i1' })).toBe(5);
  });
});

describe('bootstrap intervals', () => {
  it('are seeded, ordered and contain the point estimate for a constant metric', () => {
    const outcomes = [scoreCase(base, undefined), scoreCase({ ...base, id: 'c2' }, { ...prediction([]), id: 'c2' })];
    const a = bootstrapIntervals(outcomes, { seed: 3, resamples: 50 });
    expect(bootstrapIntervals(outcomes, { seed: 3, resamples: 50 })).toEqual(a);
    expect(a.typeAccuracy).toEqual({ low: 0, high: 0 });
    expect(a.matchingRecall.low).toBeLessThanOrEqual(a.matchingRecall.high);
    expect(bootstrapIntervals([], { seed: 1 }).matchingF1).toEqual({ low: 0, high: 0 });
  });
});
