import { EmptyState, PageHeader } from './empty-state.tsx';

export function EvalsPage() {
  return (
    <>
      <PageHeader title="Evaluations" summary="How accurate the agents are: per-type accuracy, confusion matrix, calibration." />
      <EmptyState title="No evaluation report yet">
        <p>Run <code>recon eval</code> to score the agents on labeled cases; the latest report is shown here.</p>
      </EmptyState>
    </>
  );
}
