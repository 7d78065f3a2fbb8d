import { fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { PartialBulkApproval } from '../api/exceptions-api.ts';
import type { ApproveResponse, ExceptionListItem, Page } from '../api/types.ts';
import { queueItem } from '../testing/queue-items.ts';
import { renderAt } from '../testing/render-at.tsx';
import type { DecisionCalls } from './queue-actions.ts';
import { QueueView } from './queue-view.tsx';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const items = [queueItem(0), queueItem(1, { verified: false }), queueItem(2)];
const onePage = async (): Promise<Page<ExceptionListItem>> => ({ items, nextCursor: null });
const ids = () => screen.getAllByTestId('queue-row').map((r) => r.dataset.id);

function calls(approve: DecisionCalls['approve']): DecisionCalls {
  return { approve, reject: () => Promise.reject(new Error('not used')), bulkApprove: () => Promise.reject(new Error('not used')) };
}

describe('the queue view', () => {
  it('takes an approved row out at once, and puts it back in place with a clear message when the server answers 409', async () => {
    const answer = deferred<ApproveResponse>();
    const seen: [string, number][] = [];
    renderAt('/', () => <QueueView role="approver" initialHeight={400} data={{ fetchPage: onePage }} calls={calls((id, version) => (seen.push([id, version]), answer.promise))} />);
    await waitFor(() => expect(ids()).toEqual(items.map((i) => i.id)));
    const grid = screen.getByRole('grid');
    fireEvent.keyDown(grid, { key: 'j' });
    fireEvent.keyDown(grid, { key: 'j' });
    fireEvent.keyDown(grid, { key: 'a' });
    // Optimistic: gone before the server answered.
    expect(ids()).toEqual([items[0]!.id, items[1]!.id]);
    expect(seen).toEqual([[items[2]!.id, 1]]);
    answer.reject(new ApiError(409, 'conflict', 'changed', { code: 'conflict', message: 'changed', details: { status: 'approved', version: 2 } }));
    await waitFor(() => expect(ids()).toEqual(items.map((i) => i.id)));
    expect(screen.getByRole('alert').textContent).toMatch(/Someone else decided this exception first \(it is now approved\)\. Your approval was not saved/);
  });

  it('keeps an approved row out when the server agrees', async () => {
    const ok: ApproveResponse = { exception: { id: items[0]!.id, status: 'applied', version: 3, currentSuggestionVersion: 1 }, from: 'suggested', decision: { id: 'd', kind: 'approve', suggestionVersion: 1 }, approvals: { have: 1, need: 1 }, complete: true, apply: { status: 'applied' } };
    renderAt('/', () => <QueueView role="approver" initialHeight={400} data={{ fetchPage: onePage }} calls={calls(async () => ok)} />);
    await waitFor(() => expect(ids()).toHaveLength(3));
    fireEvent.keyDown(screen.getByRole('grid'), { key: 'a' });
    await waitFor(() => expect(screen.getByText(/Approved and applied/)).toBeTruthy());
    expect(ids()).toEqual([items[1]!.id, items[2]!.id]);
  });

  it('refuses an unverified suggestion without calling the server, and gives a viewer no approve button', async () => {
    const seen: string[] = [];
    renderAt('/', () => <QueueView role="viewer" initialHeight={400} data={{ fetchPage: onePage }} calls={calls(async (id) => (seen.push(id), Promise.reject(new Error('no'))))} />);
    await waitFor(() => expect(ids()).toHaveLength(3));
    expect(screen.queryByRole('button', { name: /^Approve/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Reject/ })).toBeNull();
    fireEvent.keyDown(screen.getByRole('grid'), { key: 'a' });
    expect(screen.getByRole('alert').textContent).toContain('(viewer) cannot approve');
    expect(seen).toEqual([]);
  });

  it('narrows the loaded rows by account on each keystroke and writes the filter to the URL', async () => {
    const { location } = renderAt('/', () => <QueueView role="reviewer" initialHeight={400} data={{ fetchPage: onePage }} />);
    await waitFor(() => expect(ids()).toHaveLength(3));
    fireEvent.input(screen.getByLabelText('Account'), { target: { value: 'DE-1' } });
    await waitFor(() => expect(ids()).toEqual([items[1]!.id]));
    expect(location()).toContain('account=DE-1');
  });

  it('shows a designed error with a retry when the queue cannot load', async () => {
    let calls = 0;
    const failing = async (): Promise<Page<ExceptionListItem>> => {
      calls += 1;
      if (calls === 1) throw new ApiError(0, 'network_error', 'The API could not be reached');
      return { items, nextCursor: null };
    };
    renderAt('/', () => <QueueView role="reviewer" initialHeight={400} data={{ fetchPage: failing }} />);
    await waitFor(() => expect(screen.getByRole('heading', { name: 'The queue could not be loaded' })).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(ids()).toHaveLength(3));
  });

  it('bulk-approves the selected verified rows only and leaves the rest with the count said', async () => {
    const sent: string[][] = [];
    const bulk: DecisionCalls = {
      approve: () => Promise.reject(new Error('not used')),
      reject: () => Promise.reject(new Error('not used')),
      bulkApprove: async (ids) => {
        sent.push([...ids]);
        return { approved: ids.map((id) => ({ id, status: 'applied', version: 2 })), pending: [], skipped: [], remaining: 0 };
      },
    };
    renderAt('/', () => <QueueView role="approver" initialHeight={400} data={{ fetchPage: onePage }} calls={bulk} />);
    await waitFor(() => expect(ids()).toHaveLength(3));
    const grid = screen.getByRole('grid');
    fireEvent.keyDown(grid, { key: 'x' });
    fireEvent.keyDown(grid, { key: 'j' });
    fireEvent.keyDown(grid, { key: 'x' });
    fireEvent.click(screen.getByRole('button', { name: 'Approve 1 verified of 2 selected' }));
    await waitFor(() => expect(ids()).toEqual([items[1]!.id, items[2]!.id]));
    expect(sent).toEqual([[items[0]!.id]]);
    expect(await screen.findByText(/Approved 1, 1 not verified, left in the queue\./)).toBeTruthy();
  });

  it('keeps out of the queue what the earlier calls of a bulk approval approved when a later call fails', async () => {
    const bulk: DecisionCalls = {
      approve: () => Promise.reject(new Error('not used')),
      reject: () => Promise.reject(new Error('not used')),
      // The first call went through for the first row; the second was refused.
      bulkApprove: async (sent) => {
        throw new PartialBulkApproval({ approved: [{ id: sent[0]!, status: 'applied', version: 2 }], pending: [], skipped: [], remaining: 0 }, new ApiError(503, 'db_unavailable', 'the database is not reachable'));
      },
    };
    const all = [queueItem(0), queueItem(1), queueItem(2)];
    renderAt('/', () => <QueueView role="approver" initialHeight={400} data={{ fetchPage: async () => ({ items: all, nextCursor: null }) }} calls={bulk} />);
    await waitFor(() => expect(ids()).toHaveLength(3));
    const grid = screen.getByRole('grid');
    for (const key of ['x', 'j', 'x', 'j', 'x']) fireEvent.keyDown(grid, { key });
    fireEvent.click(screen.getByRole('button', { name: /Approve 3 verified/ }));
    await waitFor(() => expect(ids()).toEqual([all[1]!.id, all[2]!.id]));
    expect(await screen.findByText(/Approved 1; the rest are back in the queue\. Could not approve the rest: the database is not reachable/)).toBeTruthy();
  });

  it('opens the detail with enter and its edit form with e', async () => {
    const { location } = renderAt('/', () => <QueueView role="reviewer" initialHeight={400} data={{ fetchPage: onePage }} />);
    await waitFor(() => expect(ids()).toHaveLength(3));
    fireEvent.keyDown(screen.getByRole('grid'), { key: 'e' });
    await waitFor(() => expect(location()).toBe(`/exceptions/${items[0]!.id}?edit=1`));
  });

  it('sorts from the filter bar too, for keyboard users, and keeps the sort in the URL', async () => {
    const queries: string[] = [];
    const recording = async (q: URLSearchParams): Promise<Page<ExceptionListItem>> => (queries.push(q.toString()), { items, nextCursor: null });
    const { location } = renderAt('/', () => <QueueView role="reviewer" initialHeight={400} data={{ fetchPage: recording }} />);
    await waitFor(() => expect(ids()).toHaveLength(3));
    fireEvent.change(screen.getByLabelText('Sort'), { target: { value: 'amount:desc' } });
    await waitFor(() => expect(location()).toContain('sort=amount'));
    expect(location()).toContain('order=desc');
    await waitFor(() => expect(queries.at(-1)).toContain('sort=amount&order=desc'));
    expect(screen.getByRole('columnheader', { name: /Amount/ }).getAttribute('aria-sort')).toBe('descending');
  });
});
