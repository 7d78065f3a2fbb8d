/**
 * The queue itself: filters from the URL, rows loaded in pages, the
 * virtualized grid with its keyboard, the active row's actions, selection
 * and bulk approval, and one notice line for what just happened.
 */
import { useNavigate, useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, Match, on, Show, Switch } from 'solid-js';
import { ApiError } from '../api/client.ts';
import type { ExceptionListItem, UserRole } from '../api/types.ts';
import { canApprove, canReview } from '../auth/roles.ts';
import { EmptyState } from '../pages/empty-state.tsx';
import { createQueueActions, refusalMessage, type DecisionCalls } from './queue-actions.ts';
import { createQueueData, type QueueDataOptions } from './queue-data.ts';
import { QueueFilterBar } from './queue-filter-bar.tsx';
import { filtersFromSearch, matchesAccount, searchFromFilters, type QueueFilters, type QueueSort } from './queue-filters.ts';
import { QueueTable } from './queue-table.tsx';
import { ReasonDialog } from './reason-dialog.tsx';
import '../review-ui.css';
import './queue.css';

export interface QueueViewProps {
  readonly role: UserRole;
  /** For tests: where the pages and decisions go (default: the API). */
  readonly data?: QueueDataOptions;
  readonly calls?: DecisionCalls;
  readonly initialHeight?: number;
}

export function QueueView(props: QueueViewProps) {
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const filters = createMemo(() => filtersFromSearch(search));
  const data = createQueueData(filters, props.data);
  const actions = createQueueActions(data, props.calls);
  const visible = createMemo(() => {
    const text = filters().account;
    const rows = data.rows();
    return text.trim() === '' ? rows : rows.filter((r) => matchesAccount(r, text));
  });
  const [active, setActive] = createSignal(0);
  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  const [rejecting, setRejecting] = createSignal<ExceptionListItem>();
  const activeItem = () => visible()[active()];

  // Keep the active row on the list as it shrinks (a decision, a filter).
  createEffect(on(visible, (rows) => setActive((i) => Math.max(0, Math.min(i, rows.length - 1)))));

  const change = (patch: Partial<QueueFilters>) => setSearch(searchFromFilters({ ...filters(), ...patch }), { replace: true });
  const sortBy = (sort: QueueSort) => change({ sort, order: filters().sort === sort && filters().order === 'asc' ? 'desc' : 'asc' });
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const approve = (item: ExceptionListItem) => {
    if (!canApprove(props.role)) return actions.setNotice({ kind: 'error', text: `Your role (${props.role}) cannot approve; an approver has to.` });
    void actions.approve(item);
  };
  const reject = (item: ExceptionListItem) => {
    if (!canReview(props.role)) return actions.setNotice({ kind: 'error', text: `Your role (${props.role}) cannot reject; a reviewer has to.` });
    setRejecting(item);
  };
  const command = (name: 'open' | 'approve' | 'reject' | 'edit', item: ExceptionListItem) => {
    if (name === 'open') navigate(`/exceptions/${item.id}`);
    else if (name === 'edit') {
      if (!canReview(props.role)) actions.setNotice({ kind: 'error', text: `Your role (${props.role}) cannot edit a suggestion.` });
      else navigate(`/exceptions/${item.id}?edit=1`);
    } else if (name === 'approve') approve(item);
    else reject(item);
  };
  const selectedItems = () => visible().filter((r) => selected().has(r.id));
  const bulkApprove = async () => {
    const items = selectedItems();
    await actions.approveMany(items);
    setSelected(new Set<string>());
  };

  return (
    <section class="queue" aria-label="Review queue">
      <QueueFilterBar filters={filters()} onChange={change} onClear={() => setSearch(searchFromFilters(filtersFromSearch({})), { replace: true })} />
      <div class="queue__toolbar">
        <p class="queue__count" role="status" aria-live="polite">
          <Switch>
            <Match when={data.state() === 'loading'}>Loading exceptions…</Match>
            <Match when={data.state() === 'error'}>Not loaded</Match>
            <Match when={true}>
              {visible().length.toLocaleString('en')} {visible().length === 1 ? 'exception' : 'exceptions'}
              {data.complete() ? '' : ' (loading more…)'}
              {data.capped() ? ' — the first 10,000; narrow the filters to see the rest' : ''}
            </Match>
          </Switch>
        </p>
        <Show when={activeItem()}>
          {(item) => (
            <div class="queue__active" aria-label="Active row">
              <a class="button" href={`/exceptions/${item().id}`}>
                Open
              </a>
              <Show when={canApprove(props.role)}>
                <button type="button" class="button button--primary" disabled={!item().verified} onClick={() => approve(item())} title={item().verified ? 'Approve (a)' : 'Only verified suggestions can be approved'}>
                  Approve
                </button>
              </Show>
              <Show when={canReview(props.role)}>
                <button type="button" class="button" onClick={() => reject(item())}>
                  Reject…
                </button>
              </Show>
            </div>
          )}
        </Show>
        <Show when={canApprove(props.role) && selected().size > 0}>
          <button type="button" class="button button--primary" disabled={actions.pending() > 0} onClick={() => void bulkApprove()}>
            Approve {selectedItems().filter((i) => i.verified).length} verified of {selected().size} selected
          </button>
        </Show>
      </div>
      {/* A slot of fixed height: a notice coming or going does not move the grid. */}
      <div class="queue__notice">
        <Show when={actions.notice()}>
          {(n) => (
            <div class={`notice notice--${n().kind}`} role={n().kind === 'error' ? 'alert' : 'status'}>
              <span>{n().text}</span>
              <button type="button" class="notice__close" aria-label="Dismiss" onClick={() => actions.setNotice(undefined)}>
                ×
              </button>
            </div>
          )}
        </Show>
      </div>
      <div class="queue__body">
        <Switch>
          <Match when={data.state() === 'error'}>
            <div class="state-box state-box--error" role="alert">
              <h2>The queue could not be loaded</h2>
              <p>{refusalMessage(data.error(), 'load the queue')}</p>
              <Show when={data.error() instanceof ApiError && (data.error() as ApiError).status === 401}>
                <p>
                  <a href="/login?next=%2F">Log in again</a>
                </p>
              </Show>
              <button type="button" class="button" onClick={() => data.reload()}>
                Try again
              </button>
            </div>
          </Match>
          <Match when={data.state() === 'loading'}>
            <div class="state-box state-box--loading" aria-hidden="true">
              <div class="skeleton-row" />
              <div class="skeleton-row" />
              <div class="skeleton-row" />
            </div>
          </Match>
          <Match when={visible().length === 0}>
            <div class="state-box">
              <EmptyState title={data.rows().length === 0 ? 'Nothing is waiting for you' : 'No exception matches these filters'}>
                <p>{data.rows().length === 0 ? 'Every break of the latest runs has a decision. New ones appear here after the next run.' : 'Change or clear the filters to see more.'}</p>
              </EmptyState>
            </div>
          </Match>
          <Match when={true}>
            <QueueTable
              rows={visible()}
              active={active()}
              onActive={setActive}
              selected={selected()}
              onToggle={toggle}
              onCommand={command}
              sort={filters().sort}
              order={filters().order}
              onSort={sortBy}
              {...(props.initialHeight ? { initialHeight: props.initialHeight } : {})}
            />
          </Match>
        </Switch>
      </div>
      <p class="queue__keys">
        Keys in the list: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>Enter</kbd> open, <kbd>a</kbd> approve, <kbd>r</kbd> reject, <kbd>e</kbd> edit, <kbd>x</kbd> select.
      </p>
      <Show when={rejecting()}>
        {(item) => (
          <ReasonDialog
            title={`Reject the suggestion for ${item().typeLabel} on ${item().account}`}
            confirmLabel="Reject"
            onCancel={() => setRejecting(undefined)}
            onConfirm={(reason) => {
              // Read before closing: the accessor goes stale once the dialog's condition is false.
              const target = item();
              setRejecting(undefined);
              void actions.reject(target, reason);
            }}
          />
        )}
      </Show>
    </section>
  );
}
