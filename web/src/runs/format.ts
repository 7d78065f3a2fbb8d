/** Formatting for figures on the runs, dashboard, imports and audit pages. Fixed locale: screenshots and tests read the same text. */

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const integer = new Intl.NumberFormat('en-GB');

export const formatInteger = (n: number | undefined | null): string => (n === undefined || n === null ? '—' : integer.format(n));

/** Times in UTC, said so: a run's as-of date and its timestamps must not seem to disagree across zones. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : `${dateTime.format(at)} UTC`;
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s % 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** `part / whole` as a percentage with one decimal; a dash when there is no whole. */
export function formatPercent(part: number, whole: number): string {
  if (!whole) return '—';
  return `${((part / whole) * 100).toFixed(1)}%`;
}

/** A USD decimal string shown as it is (never through a float), with the sign in front. */
export const formatUsd = (decimal: string): string => `$${decimal}`;

/** `fee_deduction` → `Fee deduction`. */
export function humanize(code: string): string {
  const text = code.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
