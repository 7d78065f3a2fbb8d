/**
 * The money a break puts at stake: the absolute value of the larger side's
 * sum. Never negative, so amount filters, the auto-approval threshold and
 * the two-approver rule all compare the same figure.
 */
import { absDecimal, compareDecimal, formatDecimal, parseDecimal } from '../money/decimal.ts';
import { sumAmounts } from '../money/money.ts';
import type { BreakContext } from './break-context.ts';

export function amountAtStake(context: Pick<BreakContext, 'external' | 'internal'>): string {
  const [a, b] = [context.external, context.internal].map((records) => absDecimal(parseDecimal(sumAmounts(records.map((r) => r.amount))))) as [ReturnType<typeof parseDecimal>, ReturnType<typeof parseDecimal>];
  return formatDecimal(compareDecimal(a, b) >= 0 ? a : b);
}
