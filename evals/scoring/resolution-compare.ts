/**
 * Resolution exactness of the contract (the action and every parameter the
 * truth gives: account role, amount as an exact decimal, currency, recordId,
 * field, to) and, for the replay of reviewer decisions, an edit distance: how
 * many of those fields a person had to change.
 */
import { isDecimalString, equalsDecimal, parseDecimal } from '../../core/money/decimal.ts';
import type { Resolution } from '../../core/taxonomy/actions.ts';

/** The parameters exactness compares; free text (message, reason, memo) never counts. */
export const EXACT_FIELDS = ['account', 'amount', 'currency', 'recordId', 'field', 'to'] as const;

/** Two parameter values agree: amounts and corrected numbers by value ("15" = "15.00"), everything else as written. */
function same(key: string, a: unknown, b: unknown): boolean {
  if ((key === 'amount' || key === 'to') && typeof a === 'string' && typeof b === 'string' && isDecimalString(a) && isDecimalString(b)) return equalsDecimal(parseDecimal(a), parseDecimal(b));
  return a === b;
}

export function resolutionExact(truth: Resolution, predicted: Resolution): boolean {
  if (truth.action !== predicted.action) return false;
  const t = truth as Record<string, unknown>;
  const p = predicted as Record<string, unknown>;
  return EXACT_FIELDS.every((key) => !(key in t) || same(key, t[key], p[key]));
}

/** Fields (action, then the exactness parameters either side has) that differ; 0 means the same resolution. */
export function resolutionEditDistance(a: Resolution, b: Resolution): number {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let distance = a.action === b.action ? 0 : 1;
  for (const key of EXACT_FIELDS) if ((key in x || key in y) && !same(key, x[key], y[key])) distance += 1;
  return distance;
}
