import { EmptyState, PageHeader } from './empty-state.tsx';

export function DashboardPage() {
  return (
    <>
      <PageHeader title="Dashboard" summary="Match rate, open exceptions by type and age, money at risk, LLM vs rules." />
      <EmptyState title="Nothing to chart yet">
        <p>Charts fill in as runs complete: match rate per night, aging of open exceptions, approval rates per source and LLM cost.</p>
      </EmptyState>
    </>
  );
}
