import { EmptyState, PageHeader } from './empty-state.tsx';

export function AuditPage() {
  return (
    <>
      <PageHeader title="Audit log" summary="Every import, run, suggestion, decision and effect, hash-chained." />
      <EmptyState title="No audit entries to show yet">
        <p>Entries are append-only and chained by hash, so any tampering is detectable.</p>
      </EmptyState>
    </>
  );
}
