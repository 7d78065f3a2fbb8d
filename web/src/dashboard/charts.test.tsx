import { render, screen } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import type { DashboardView } from '../api/dashboard-api.ts';
import { BarList, ColumnChart, ShareBars } from './charts.tsx';
import { DashboardCharts } from './dashboard-view.tsx';

const view: DashboardView = {
  range: { from: '2026-11-01', to: '2026-11-03' },
  matchRate: [
    { night: '2026-11-01', matchedRecords: 24, totalRecords: 28, runs: 2 },
    { night: '2026-11-03', matchedRecords: 30, totalRecords: 40, runs: 1 },
  ],
  llmCost: [
    { night: '2026-11-01', cost: '0.0125', tokensIn: 120, tokensOut: 60, runs: 3 },
    { night: '2026-11-03', cost: '1.50000', tokensIn: 1000, tokensOut: 500, runs: 1 },
  ],
  openByType: [
    { type: 'fee_deduction', count: 4 },
    { type: 'timing_difference', count: 1 },
  ],
  openByAge: [
    { bucket: '0-1d', count: 2 },
    { bucket: '1-3d', count: 0 },
    { bucket: '3-7d', count: 3 },
    { bucket: '7-30d', count: 0 },
    { bucket: '30d+', count: 0 },
  ],
  moneyAtRisk: [{ currency: 'EUR', amount: '1234567.80', count: 5 }],
  decisionsBySource: [{ source: 'llm', approved: 3, edited: 1, rejected: 0 }],
};

const bar = (el: Element) => el.querySelector('rect')!;
const num = (el: Element, attr: string) => Number(el.getAttribute(attr));

describe('ColumnChart', () => {
  it('draws one column per point, heights in proportion to the values, labelled with the shown text', () => {
    const { container } = render(() => <ColumnChart title="Runs" points={[{ label: 'a', value: 10, display: 'ten' }, { label: 'b', value: 5, display: 'five' }, { label: 'c', value: 0, display: 'none' }]} empty="nothing" />);
    const columns = [...container.querySelectorAll('.chart__column')];
    expect(columns.map((c) => c.getAttribute('data-label'))).toEqual(['a', 'b', 'c']);
    expect(columns.map((c) => c.getAttribute('data-value'))).toEqual(['ten', 'five', 'none']);
    const [a, b, c] = columns.map((col) => num(bar(col), 'height'));
    expect(a).toBeGreaterThan(0);
    expect(b).toBeCloseTo(a! / 2, 5);
    expect(c).toBe(0);
    // Bars stand on the same baseline.
    expect(num(bar(columns[0]!), 'y') + a!).toBeCloseTo(num(bar(columns[1]!), 'y') + b!, 5);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Runs: a ten, b five, c none.');
  });

  it('scales to a given maximum (a rate out of 100)', () => {
    const { container } = render(() => <ColumnChart title="Rate" points={[{ label: 'a', value: 50, display: '50%' }]} max={100} empty="nothing" />);
    const full = 220 - 16 - 34;
    expect(num(container.querySelector('.chart__bar')!, 'height')).toBeCloseTo(full / 2, 5);
  });

  it('shows its empty state, and no chart, without points', () => {
    const { container } = render(() => <ColumnChart title="Rate" points={[]} empty="No completed runs in these nights." />);
    expect(container.querySelector('svg')).toBeNull();
    expect(screen.getByTestId('chart-empty').textContent).toBe('No completed runs in these nights.');
    expect(screen.getByText('Rate')).toBeTruthy();
  });
});

describe('BarList and ShareBars', () => {
  it('draws bars as long as their share of the largest', () => {
    const { container } = render(() => <BarList title="Types" items={[{ label: 'x', value: 4, display: '4' }, { label: 'y', value: 1, display: '1' }]} empty="none" />);
    const widths = [...container.querySelectorAll('.chart__bar')].map((r) => num(r, 'width'));
    expect(widths[1]).toBeCloseTo(widths[0]! / 4, 5);
  });

  it('splits each row into its parts, side by side, in the order of the keys', () => {
    const { container } = render(() => (
      <ShareBars title="Outcomes" keys={[{ key: 'approved', label: 'Approved' }, { key: 'edited', label: 'Edited' }, { key: 'rejected', label: 'Rejected' }]} rows={[{ label: 'LLM', parts: [{ key: 'approved', value: 3 }, { key: 'edited', value: 1 }, { key: 'rejected', value: 0 }] }]} empty="none" />
    ));
    const parts = [...container.querySelectorAll('svg[role="img"] rect.chart__part')];
    expect(parts.map((p) => p.getAttribute('data-key'))).toEqual(['approved', 'edited', 'rejected']);
    const [approved, edited, rejected] = parts.map((p) => num(p, 'width'));
    expect(approved).toBeCloseTo(edited! * 3, 5);
    expect(rejected).toBe(0);
    expect(num(parts[1]!, 'x')).toBeCloseTo(num(parts[0]!, 'x') + approved!, 5);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Outcomes: LLM Approved 75%, Edited 25%, Rejected 0% of 4.');
  });
});

describe('DashboardCharts', () => {
  it('turns the figures into the six panels: rates, exact cost labels, types, ages, money per currency, outcomes', () => {
    render(() => <DashboardCharts view={view} />);
    const values = (id: string) => [...screen.getByTestId(id).querySelectorAll('[data-value]')].map((g) => `${g.getAttribute('data-label')}=${g.getAttribute('data-value')}`);
    expect(values('chart-match-rate')).toEqual(['1 Nov=85.7%', '3 Nov=75.0%']);
    expect(values('chart-llm-cost')).toEqual(['1 Nov=$0.0125', '3 Nov=$1.5']);
    expect(values('chart-open-type')).toEqual(['Fee deduction=4', 'Timing difference=1']);
    expect(values('chart-open-age')).toEqual(['Under 1 day=2', '1–3 days=0', '3–7 days=3', '7–30 days=0', 'Over 30 days=0']);
    expect(screen.getByTestId('money-at-risk').textContent).toContain('1,234,567.80 EUR');
    expect(screen.getByTestId('chart-outcomes').querySelector('[data-label="AI (LLM)"]')?.getAttribute('data-total')).toBe('4');
  });

  it('shows empty states where there is nothing yet', () => {
    const empty: DashboardView = { ...view, matchRate: [], llmCost: [], openByType: [], openByAge: view.openByAge.map((b) => ({ ...b, count: 0 })), moneyAtRisk: [], decisionsBySource: [] };
    render(() => <DashboardCharts view={empty} />);
    expect(screen.getAllByTestId('chart-empty')).toHaveLength(5);
    expect(screen.getByTestId('money-at-risk').textContent).toContain('No open exceptions');
  });
});
