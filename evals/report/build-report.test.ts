import { describe, expect, it } from 'vitest';
import { evalReportSchema } from '../../core/evals/eval-report.ts';
import type { EvalCase } from '../case-schema.ts';
import type { Prediction } from '../prediction-schema.ts';
import { buildReport, scoreMode } from './build-report.ts';
import { renderHtml } from './render-html.ts';
import { renderMarkdown } from './render-markdown.ts';

const rec = (id: string, amount: string) => ({ id, account: 'A', date: '2026-10-01', amount, currency: 'EUR', description: 'FEE' });
const feeCase = (id: string, difficulty: string): EvalCase => ({
  id,
  domain: 'cash',
  asOf: '2026-10-31',
  tags: ['fee'],
  difficulty,
  external: [rec('e1', '-5.00')],
  internal: [],
  expected: { matches: [], breaks: [{ external: ['e1'], internal: [], type: 'unbooked_fee', cause: 'bank_service_charge', resolution: { action: 'post_journal', account: 'bank_charges', amount: '-5.00', currency: 'EUR' } }] },
});
const predict = (id: string, type: 'unbooked_fee' | 'missing_internal'): Prediction => ({
  id,
  mode: 'rules',
  matches: [],
  breaks: [{ external: ['e1'], internal: [], type, cause: type === 'unbooked_fee' ? 'bank_service_charge' : 'unrecorded_direct_debit', resolution: { action: 'post_journal', account: type === 'unbooked_fee' ? 'bank_charges' : 'accounts_payable', amount: '-5.00', currency: 'EUR' }, confidence: 0.9 }],
  usage: { tokensIn: 10, tokensOut: 5, cost: '0.000010', latencyMs: 4 },
});

describe('the report', () => {
  const cases = [feeCase('a', 'clean'), feeCase('b', 'clean'), feeCase('c', 'noisy'), feeCase('d', 'noisy')];
  const predictions = [predict('a', 'unbooked_fee'), predict('b', 'unbooked_fee'), predict('c', 'unbooked_fee'), predict('d', 'missing_internal')];
  const mode = scoreMode('rules', cases, predictions, 7, 30);

  it('slices by difficulty and checks the targets on the slices they name', () => {
    expect(mode.headline.typeAccuracy).toBe(0.75);
    expect(mode.slices.find((s) => s.by === 'difficulty' && s.value === 'noisy')!.headline.typeAccuracy).toBe(0.5);
    const noisy = mode.targets.find((t) => t.metric === 'typeAccuracy' && t.slice === 'difficulty:noisy')!;
    expect(noisy).toMatchObject({ value: 0.5, met: false });
    expect(mode.targets.find((t) => t.metric === 'typeAccuracy' && t.slice === 'difficulty:clean')).toMatchObject({ value: 1, met: true });
  });

  it('names the types that drag the numbers down and what they were taken for', () => {
    // unbooked_fee: P = 1, R = 3/4 → F1 6/7; missing_internal: no support, so not listed.
    expect(mode.dragging).toEqual([{ type: 'unbooked_fee', f1: 6 / 7, support: 4, confusedWith: ['missing_internal (1)'] }]);
    expect(mode.errors.map((e) => e.caseId)).toEqual(['d']);
  });

  it('adds up usage per case and renders all three formats from the same JSON', () => {
    expect(mode.usage).toMatchObject({ tokensIn: 40, tokensOut: 20, cost: '0.000040', tokensPerCase: 15, costPerCase: '0.000010' });
    const report = buildReport({ gitRevision: 'abc', seed: 7, model: null, calibration: null, suites: [{ file: 'x.jsonl', cases: 4 }], createdAt: new Date(0) }, [mode]);
    expect(evalReportSchema.parse(report)).toEqual(report);
    expect(renderMarkdown(report)).toContain('| typeAccuracy | difficulty:noisy | >= 0.9 | 50.0 % | **no** |');
    expect(renderMarkdown(report)).toContain('`unbooked_fee`: F1 0.86 over 4 breaks; taken for missing_internal (1)');
    const html = renderHtml(report);
    expect(html).toContain('<svg');
    expect(html).toContain('unbooked_fee → missing_internal: 1');
  });
});
