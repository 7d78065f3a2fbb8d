import { A, useLocation } from '@solidjs/router';
import { EmptyState, PageHeader } from './empty-state.tsx';

export function NotFoundPage() {
  const location = useLocation();
  return (
    <>
      <PageHeader title="Page not found" summary={`There is no page at ${location.pathname}.`} />
      <EmptyState title="Where to go from here">
        <p>
          Back to the <A href="/">review queue</A>.
        </p>
      </EmptyState>
    </>
  );
}
