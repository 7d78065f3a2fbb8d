/** How the queue and the detail page write values: money from decimal strings (no floats), sources and ages in words. */
import type { SuggestionSource } from '../api/types.ts';

/** "-1234567.5" → "−1,234,567.50" at the given minimum decimals; the digits are never parsed into a float. */
export function formatDecimalText(value: string, minDecimals = 2): string {
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return value;
  const [, sign, whole = '0', fraction = ''] = match;
  const grouped = whole.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimals = fraction.padEnd(minDecimals, '0');
  const negative = sign === '-' && /[1-9]/.test(whole + fraction);
  return `${negative ? '−' : ''}${grouped}${decimals ? `.${decimals}` : ''}`;
}

export function formatMoneyText(value: string, currency: string): string {
  return `${formatDecimalText(value)} ${currency}`;
}

export const SOURCE_LABEL: Readonly<Record<SuggestionSource, string>> = {
  llm: 'AI',
  cache: 'AI (cached)',
  rules: 'Rules',
  memory: 'Memory',
  human: 'Reviewer',
};

export function sourceLabel(source: SuggestionSource | null): string {
  return source ? SOURCE_LABEL[source] : 'None yet';
}

export function ageLabel(days: number): string {
  return days === 0 ? 'today' : days === 1 ? '1 day' : `${days} days`;
}

/** 0–100 for the bar; a confidence is a probability, not money, so a float is fine here. */
export function confidencePercent(confidence: string | null): number | undefined {
  if (confidence === null) return undefined;
  const n = Number(confidence);
  return Number.isFinite(n) ? Math.round(Math.min(1, Math.max(0, n)) * 100) : undefined;
}

export function statusLabel(status: string): string {
  return status.replace(/_/g, ' ');
}
