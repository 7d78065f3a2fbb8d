import { useSearchParams } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { fetchImports } from '../api/imports-api.ts';
import { canReview } from '../auth/roles.ts';
import { useSession } from '../auth/session.tsx';
import { ImportDetailView } from '../imports/import-detail.tsx';
import { ImportList } from '../imports/import-list.tsx';
import { UploadForm } from '../imports/upload-form.tsx';
import { ErrorNotice } from '../runs/error-notice.tsx';
import '../runs/pages.css';
import { PageHeader } from './empty-state.tsx';

export function ImportsPage() {
  const session = useSession();
  const [params] = useSearchParams<{ id?: string }>();
  const [imports, { refetch }] = createResource(fetchImports);
  const href = (id: string) => `/imports?id=${encodeURIComponent(id)}`;
  return (
    <>
      <PageHeader title="Imports" summary="Statement and ledger files: MT940, camt.05x, BAI2, OFX, CSV." />
      {/* Uploading needs a reviewer; viewers see the list only. */}
      <Show when={canReview(session.role())}>
        <UploadForm onUploaded={() => void refetch()} />
      </Show>
      <Show when={params.id}>{(id) => <ImportDetailView importId={id()} />}</Show>
      <section aria-labelledby="imports-list-title">
        <h2 id="imports-list-title" class="section-title">
          All imports
        </h2>
        <Show when={!imports.error} fallback={<ErrorNotice error={imports.error} what="the imports" retry={() => void refetch()} />}>
          <Show when={imports.latest} fallback={<div class="table-wrap" aria-busy="true" aria-label="Loading imports"><div class="skeleton-line" /><div class="skeleton-line" /></div>}>
            {(page) => <ImportList items={page().items} selected={params.id} href={href} />}
          </Show>
        </Show>
      </section>
    </>
  );
}
