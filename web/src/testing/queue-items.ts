/** Queue rows for component tests: valid list items that differ by index. */
import type { ExceptionListItem } from '../api/types.ts';

export function queueItem(i: number, extra: Partial<ExceptionListItem> = {}): ExceptionListItem {
  const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  return {
    id,
    status: 'suggested',
    type: 'fee_deduction',
    typeLabel: 'Fee deducted',
    cause: 'wire_fee_deducted',
    account: `DE-${String(i % 7)}`,
    currency: 'EUR',
    amount: `${1000 + i}.00`,
    difference: '-15.00',
    confidence: '0.9',
    source: 'rules',
    verified: true,
    openedAt: '2026-10-31T00:00:00.000Z',
    ageDays: 1,
    action: 'match_with_adjustment',
    suggestedAction: 'Match with adjustment',
    runId: '00000000-0000-4000-8000-000000000000',
    reconciliationId: 'r',
    asOf: '2026-10-31',
    assignee: null,
    version: 1,
    suggestionVersion: 1,
    ...extra,
  };
}
