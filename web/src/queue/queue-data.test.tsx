import { waitFor } from '@solidjs/testing-library';
import { createRoot, createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import type { ExceptionListItem, Page } from '../api/types.ts';
import { queueItem } from '../testing/queue-items.ts';
import { createQueueData } from './queue-data.ts';
import { filtersFromSearch } from './queue-filters.ts';

/** A server of `total` rows answering keyset pages; records each request's limit and cursor. */
function server(total: number) {
  const asked: { limit: number; cursor: string | null; status: string | null }[] = [];
  const fetchPage = async (q: URLSearchParams): Promise<Page<ExceptionListItem>> => {
    const limit = Number(q.get('limit'));
    const from = Number(q.get('cursor') ?? 0);
    asked.push({ limit, cursor: q.get('cursor'), status: q.get('status') });
    const to = Math.min(total, from + limit);
    return { items: Array.from({ length: to - from }, (_, i) => queueItem(from + i)), nextCursor: to < total ? String(to) : null };
  };
  return { asked, fetchPage };
}

describe('the queue rows', () => {
  it('loads a small first page, then pages of 500 up to the cap, and says when more match', async () => {
    const s = server(1_500);
    const data = createRoot(() => createQueueData(() => filtersFromSearch({}), { fetchPage: s.fetchPage, maxRows: 1_200 }));
    await waitFor(() => expect(data.complete()).toBe(true));
    expect(s.asked.map((a) => a.limit)).toEqual([100, 500, 500, 100]);
    expect(data.rows()).toHaveLength(1_200);
    expect(data.capped()).toBe(true);
    expect(data.rows()[1_199]!.id).toBe(queueItem(1_199).id);
  });

  it('starts again when a server-side filter changes, but not for the account text', async () => {
    const s = server(50);
    const [search, setSearch] = createSignal<Record<string, string>>({});
    const data = createRoot(() => createQueueData(() => filtersFromSearch(search()), { fetchPage: s.fetchPage }));
    await waitFor(() => expect(data.complete()).toBe(true));
    setSearch({ account: 'DE' });
    setSearch({ account: 'DE', status: 'rejected' });
    await waitFor(() => expect(s.asked.map((a) => a.status)).toEqual(['open,suggested,edited,escalated', 'rejected']));
    await waitFor(() => expect(data.complete()).toBe(true));
  });

  it('puts taken-out rows back where they were', async () => {
    const s = server(10);
    const data = createRoot(() => createQueueData(() => filtersFromSearch({}), { fetchPage: s.fetchPage }));
    await waitFor(() => expect(data.rows()).toHaveLength(10));
    const before = data.rows().map((r) => r.id);
    const restore = data.takeOut([before[2]!, before[7]!]);
    expect(data.rows()).toHaveLength(8);
    restore();
    expect(data.rows().map((r) => r.id)).toEqual(before);
  });
});
