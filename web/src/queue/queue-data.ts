/**
 * The queue's rows: the first page as soon as it arrives (the first render
 * does not wait for the rest), then the following keyset pages in the
 * background up to a cap, so filtering by account and scrolling run on
 * what is in memory. A change of a server-side filter or of the sort aborts
 * the loading and starts again. Optimistic decisions take rows out at once
 * and put them back, in place, when the server refuses.
 */
import { batch, createEffect, createMemo, createSignal, on, onCleanup } from 'solid-js';
import { fetchExceptionPage } from '../api/exceptions-api.ts';
import type { ExceptionListItem, Page } from '../api/types.ts';
import { apiQuery, serverKey, type QueueFilters } from './queue-filters.ts';

export const PAGE_SIZE = 500;
/** The first page is smaller: it is what the reviewer waits for; the rest stream in behind it. */
export const FIRST_PAGE_SIZE = 100;
export const MAX_ROWS = 10_000;

export type LoadState = 'loading' | 'ready' | 'error';

export interface QueueData {
  readonly rows: () => readonly ExceptionListItem[];
  readonly state: () => LoadState;
  readonly error: () => unknown;
  /** True once every page is in (or the cap is reached). */
  readonly complete: () => boolean;
  /** True when more rows match than the queue loads. */
  readonly capped: () => boolean;
  reload(): void;
  /** Takes the rows out now; the returned function puts them back where they were. */
  takeOut(ids: readonly string[]): () => void;
  update(id: string, patch: Partial<ExceptionListItem>): void;
}

export interface QueueDataOptions {
  readonly fetchPage?: (query: URLSearchParams, signal: AbortSignal) => Promise<Page<ExceptionListItem>>;
  readonly pageSize?: number;
  readonly firstPageSize?: number;
  readonly maxRows?: number;
}

export function createQueueData(filters: () => QueueFilters, options: QueueDataOptions = {}): QueueData {
  const fetchPage = options.fetchPage ?? ((q, signal) => fetchExceptionPage(q, { signal }));
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const firstPageSize = options.firstPageSize ?? Math.min(FIRST_PAGE_SIZE, pageSize);
  const maxRows = options.maxRows ?? MAX_ROWS;
  const [rows, setRows] = createSignal<readonly ExceptionListItem[]>([]);
  const [state, setState] = createSignal<LoadState>('loading');
  const [error, setError] = createSignal<unknown>();
  const [complete, setComplete] = createSignal(false);
  const [capped, setCapped] = createSignal(false);
  const [generation, setGeneration] = createSignal(0);
  let controller: AbortController | undefined;

  async function load(f: QueueFilters, signal: AbortSignal) {
    batch(() => {
      setState('loading');
      setError(undefined);
      setComplete(false);
      setCapped(false);
    });
    try {
      let page = await fetchPage(apiQuery(f, Math.min(firstPageSize, maxRows)), signal);
      if (signal.aborted) return;
      batch(() => {
        setRows(page.items);
        setState('ready');
      });
      let loaded = page.items.length;
      while (page.nextCursor && loaded < maxRows) {
        page = await fetchPage(apiQuery(f, Math.min(pageSize, maxRows - loaded), page.nextCursor), signal);
        if (signal.aborted) return;
        loaded += page.items.length;
        const more = page.items;
        setRows((current) => [...current, ...more]);
      }
      batch(() => {
        setCapped(page.nextCursor !== null);
        setComplete(true);
      });
    } catch (e) {
      if (signal.aborted) return;
      batch(() => {
        setError(e);
        setState('error');
      });
    }
  }

  // A memo of the key: equal strings stop here, so typing in the account filter loads nothing.
  const key = createMemo(() => serverKey(filters()));
  createEffect(
    on([key, generation], () => {
      controller?.abort();
      const current = new AbortController();
      controller = current;
      void load(filters(), current.signal);
    }),
  );
  onCleanup(() => controller?.abort());

  return {
    rows,
    state,
    error,
    complete,
    capped,
    reload: () => setGeneration((g) => g + 1),
    takeOut(ids) {
      const wanted = new Set(ids);
      const removed: { index: number; item: ExceptionListItem }[] = [];
      rows().forEach((item, index) => {
        if (wanted.has(item.id)) removed.push({ index, item });
      });
      setRows((current) => current.filter((r) => !wanted.has(r.id)));
      return () => {
        if (removed.length === 0) return;
        setRows((current) => {
          const next = current.filter((r) => !wanted.has(r.id));
          // Ascending original positions: each lands where it was, the earlier ones already back in place.
          for (const { index, item } of removed) next.splice(Math.min(index, next.length), 0, item);
          return next;
        });
      };
    },
    update(id, patch) {
      setRows((current) => current.map((r) => (r.id === id ? { ...r, ...patch } : r)));
    },
  };
}
