/** From the API's dashboard figures to chart points: labels, the values the geometry uses, and the text shown. */
import type { DashboardView } from '../api/dashboard-api.ts';
import { formatInteger, humanize } from '../runs/format.ts';
import type { ChartPoint, ShareRow } from './charts.tsx';

const dayLabel = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
/** `2026-11-03` → `3 Nov`. */
export const nightLabel = (night: string): string => dayLabel.format(new Date(`${night}T00:00:00Z`));

export function matchRatePoints(view: DashboardView): ChartPoint[] {
  return view.matchRate.map((n) => {
    const rate = n.totalRecords > 0 ? (n.matchedRecords / n.totalRecords) * 100 : 0;
    return { label: nightLabel(n.night), value: rate, display: n.totalRecords > 0 ? `${rate.toFixed(1)}%` : '—' };
  });
}

/**
 * Cost columns: the height is the decimal read as a number — a few pixels
 * either way do not matter — while the label is the exact decimal string.
 */
export function costPoints(view: DashboardView): ChartPoint[] {
  return view.llmCost.map((n) => ({ label: nightLabel(n.night), value: Number(n.cost), display: `$${trimCost(n.cost)}` }));
}

/** At most four decimals for a label, cut (not rounded through a float) from the decimal string; "0" stays "0". */
export function trimCost(decimal: string): string {
  const [whole, fraction = ''] = decimal.split('.');
  const cut = fraction.slice(0, 4).replace(/0+$/, '');
  return cut ? `${whole}.${cut}` : (whole ?? '0');
}

export function openByTypePoints(view: DashboardView): ChartPoint[] {
  return view.openByType.map((t) => ({ label: humanize(t.type), value: t.count, display: formatInteger(t.count) }));
}

const AGE_LABELS: Record<string, string> = { '0-1d': 'Under 1 day', '1-3d': '1–3 days', '3-7d': '3–7 days', '7-30d': '7–30 days', '30d+': 'Over 30 days' };

export function openByAgePoints(view: DashboardView): ChartPoint[] {
  // All buckets zero means nothing is open: the empty state says so better than five empty rows.
  if (view.openByAge.every((b) => b.count === 0)) return [];
  return view.openByAge.map((b) => ({ label: AGE_LABELS[b.bucket] ?? b.bucket, value: b.count, display: formatInteger(b.count) }));
}

export const OUTCOME_KEYS = [
  { key: 'approved', label: 'Approved as is' },
  { key: 'edited', label: 'Edited' },
  { key: 'rejected', label: 'Rejected' },
] as const;

const SOURCE_LABELS: Record<string, string> = { llm: 'AI (LLM)', rules: 'Rules', memory: 'Memory', cache: 'Cache' };

export function outcomeRows(view: DashboardView): ShareRow[] {
  return view.decisionsBySource.map((s) => ({
    label: SOURCE_LABELS[s.source] ?? s.source,
    parts: OUTCOME_KEYS.map((k) => ({ key: k.key, value: s[k.key] })),
  }));
}
