import { EmptyState, PageHeader } from './empty-state.tsx';

export function RunsPage() {
  return (
    <>
      <PageHeader title="Runs" summary="Reconciliation runs: live progress, matched records, breaks by type, cost." />
      <EmptyState title="No runs yet">
        <p>Each nightly or manual run of a reconciliation is listed here with its progress and statistics.</p>
      </EmptyState>
    </>
  );
}
