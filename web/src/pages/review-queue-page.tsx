import { EmptyState, PageHeader } from './empty-state.tsx';

export function ReviewQueuePage() {
  return (
    <>
      <PageHeader title="Review queue" summary="Breaks waiting for a decision, with the suggested resolution and its evidence." />
      <EmptyState title="No exceptions to review">
        <p>When a reconciliation run finds breaks, they appear here with their type, amount, confidence and the suggested resolution. Keyboard: j/k to move, a to approve, r to reject, e to edit.</p>
      </EmptyState>
    </>
  );
}
