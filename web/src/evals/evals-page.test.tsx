import { fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EvalsPage } from '../pages/evals-page.tsx';
import type { EvalReport, ModeReport } from './evals-api.ts';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const headline = (typeAccuracy: number, ece: number): ModeReport['headline'] => ({ matchingPrecision: 1, matchingRecall: 1, matchingF1: 1, typeAccuracy, typeMacroF1: 0.8, causeAccuracy: 0.9, actionAccuracy: 0.9, resolutionExactness: 0.85, ece, fallbackRate: 0 });

function mode(name: ModeReport['mode'], typeAccuracy: number, ece: number): ModeReport {
  return {
    mode: name,
    cases: 3,
    expectedBreaks: 4,
    predictedBreaks: 4,
    headline: headline(typeAccuracy, ece),
    intervals: { typeAccuracy: { low: 0.5, high: 1 } },
    perType: [
      { type: 'fee_deduction', support: 3, predicted: 2, precision: 1, recall: 2 / 3, f1: 0.8 },
      { type: 'unbooked_fee', support: 1, predicted: 2, precision: 0.5, recall: 1, f1: 2 / 3 },
    ],
    confusion: { rows: ['fee_deduction', 'unbooked_fee', '(spurious)'], columns: ['fee_deduction', 'unbooked_fee', '(missing)'], counts: [[2, 1, 0], [0, 1, 0], [0, 0, 0]] },
    calibration: [
      { from: 0.8, to: 0.9, count: 1, meanConfidence: 0.85, accuracy: 0 },
      { from: 0.9, to: 1, count: 3, meanConfidence: 0.95, accuracy: 1 },
    ],
    usage: { tokensIn: 0, tokensOut: 0, cost: '0', tokensPerCase: 0, costPerCase: '0', latencyMsPerCase: { mean: 3, p50: 3, p95: 4 } },
    fallbacks: {},
    slices: [],
    targets: [{ metric: 'ece', slice: 'all', op: '<=', target: 0.05, value: ece, met: ece <= 0.05 }],
    dragging: [{ type: 'unbooked_fee', f1: 2 / 3, support: 1, confusedWith: [] }],
    errors: [],
  };
}

const report: EvalReport = { version: 1, createdAt: '2026-11-30T10:00:00.000Z', gitRevision: 'abc123', seed: 1, model: 'gpt-test', rulesVersion: 'rules@1.0.0', promptVersions: { classify: '1.0.0' }, calibration: null, suites: [{ file: 'golden.jsonl', cases: 3 }], modes: [mode('rules', 0.75, 0.02), mode('llm', 0.5, 0.2)] };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the evaluations page', () => {
  it('says what to run when there is no report yet', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(404, { error: { code: 'not_found', message: 'no evaluation report yet; run recon eval' } })));
    render(() => <EvalsPage />);
    expect(await screen.findByText('No evaluation report yet')).toBeTruthy();
  });

  it('shows the mode comparison, per-type accuracy, the heat map and the calibration curve, and switches modes', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => (url === '/api/evals/latest' ? json(200, report) : json(404, {}))));
    const { container } = render(() => <EvalsPage />);
    const comparison = await screen.findByRole('table', { name: 'Mode comparison' });
    expect(comparison.textContent).toContain('75.0 %');
    expect(comparison.textContent).toContain('50.0 %');
    expect(screen.getByRole('img', { name: /Confusion matrix/ })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Calibration curve, expected calibration error 0.020' })).toBeTruthy();
    // The off-diagonal cell is red, the diagonal green, an empty cell neutral.
    expect(container.querySelector('[data-cell="fee_deduction|unbooked_fee"]')!.getAttribute('fill')).toMatch(/^rgba\(200, 38, 38/);
    expect(container.querySelector('[data-cell="fee_deduction|fee_deduction"]')!.getAttribute('fill')).toMatch(/^rgba\(22, 128, 61/);
    expect(container.querySelectorAll('circle[data-bin]')).toHaveLength(2);
    expect(screen.getByRole('row', { name: /unbooked_fee 1/ }).textContent).toContain('100.0 %');
    expect(screen.queryByText(/Targets missed/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'llm' }));
    await waitFor(() => expect(screen.getByRole('img', { name: 'Calibration curve, expected calibration error 0.200' })).toBeTruthy());
    expect(screen.getByText(/Targets missed: ece on all is 0.200/).textContent).toContain('wanted <= 0.05');
    expect(screen.getByText(/Dragged down by: unbooked_fee/)).toBeTruthy();
  });
});
