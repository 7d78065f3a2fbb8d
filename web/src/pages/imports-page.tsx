import { EmptyState, PageHeader } from './empty-state.tsx';

export function ImportsPage() {
  return (
    <>
      <PageHeader title="Imports" summary="Statement and ledger files: MT940, camt.05x, BAI2, OFX, CSV." />
      <EmptyState title="No uploads from this screen yet">
        <p>Uploaded files appear here with their record counts, warnings and errors by line. Meanwhile <code>recon demo</code> loads a sample month.</p>
      </EmptyState>
    </>
  );
}
