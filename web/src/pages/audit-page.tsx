import { useSearchParams } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { fetchAudit, type AuditEntryView, type AuditFilters } from '../api/audit-api.ts';
import { canApprove } from '../auth/roles.ts';
import { useSession } from '../auth/session.tsx';
import { AuditFilterForm } from '../audit/audit-filters.tsx';
import { AuditTable } from '../audit/audit-table.tsx';
import { ChainStatus } from '../audit/chain-status.tsx';
import { ErrorNotice } from '../runs/error-notice.tsx';
import '../runs/pages.css';
import { PageHeader } from './empty-state.tsx';

type Params = { entityType?: string; entityId?: string; actor?: string; action?: string; from?: string; to?: string; order?: string };

export function AuditPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams<Params>();
  const filters = (): AuditFilters => ({ ...params, order: params.order === 'asc' ? 'asc' : 'desc' });
  // The log is for approvers and admins; others are told so instead of getting a 403 page.
  const allowed = () => canApprove(session.role());
  const [page, { refetch }] = createResource(
    () => (allowed() ? JSON.stringify(filters()) : undefined),
    (key) => fetchAudit(JSON.parse(key) as AuditFilters),
  );
  const [more, setMore] = createSignal<{ items: AuditEntryView[]; nextCursor: string | null }>();
  const [loadingMore, setLoadingMore] = createSignal(false);
  const entries = () => [...(page.latest?.items ?? []), ...(more()?.items ?? [])];
  const nextCursor = () => (more() ? more()!.nextCursor : (page.latest?.nextCursor ?? null));

  const loadMore = async () => {
    const cursor = nextCursor();
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const next = await fetchAudit(filters(), cursor);
      setMore((m) => ({ items: [...(m?.items ?? []), ...next.items], nextCursor: next.nextCursor }));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <>
      <PageHeader title="Audit log" summary="Every import, run, suggestion, decision and effect, hash-chained." />
      <ChainStatus allowed={session.role() === 'admin'} />
      <Show when={allowed()} fallback={<p class="ops-notice">The audit log is open to approvers and admins. Your role: {session.role() ?? 'not signed in'}.</p>}>
        <AuditFilterForm
          value={filters()}
          onApply={(next) => {
            setMore(undefined);
            setParams({ entityType: next.entityType, entityId: next.entityId, actor: next.actor, action: next.action, from: next.from, to: next.to, order: next.order === 'asc' ? 'asc' : undefined });
          }}
        />
        <Show when={!page.error} fallback={<ErrorNotice error={page.error} what="the audit log" retry={() => void refetch()} />}>
          <Show when={page.latest} fallback={<div class="table-wrap" aria-busy="true" aria-label="Loading audit entries"><div class="skeleton-line" /><div class="skeleton-line" /></div>}>
            <AuditTable entries={entries()} />
            <Show when={nextCursor()}>
              <div class="form-actions">
                <button type="button" class="btn btn--secondary" disabled={loadingMore()} onClick={() => void loadMore()}>
                  {loadingMore() ? 'Loading…' : 'Load more'}
                </button>
              </div>
            </Show>
          </Show>
        </Show>
      </Show>
    </>
  );
}
