import { render, screen, waitFor } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import type { RunDetail } from '../api/runs-api.ts';
import { RunDetailView } from './run-detail.tsx';
import type { EventSourceLike } from './run-events.ts';

/** An event source the test drives: it records the URL and delivers the events the test sends. */
class FakeEventSource implements EventSourceLike {
  readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  onerror: ((event: Event) => void) | null = null;
  onopen: ((event: Event) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  send(type: string, data: unknown) {
    for (const l of this.listeners.get(type) ?? []) l(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
  close() {
    this.closed = true;
  }
}

const running: RunDetail = {
  id: '7f000000-0000-4000-8000-000000000001',
  reconciliationId: 'operating-eur',
  asOf: '2026-11-03',
  status: 'running',
  mode: 'hybrid',
  stats: {},
  tokensIn: 0,
  tokensOut: 0,
  cost: '0',
  error: null,
  createdAt: '2026-11-04T01:00:00Z',
  startedAt: '2026-11-04T01:00:01Z',
  finishedAt: null,
  queuedMs: 1000,
  runMs: 500,
  exceptions: { total: 0, byStatus: {} },
};

const finished: RunDetail = {
  ...running,
  status: 'completed',
  stats: { match: { externalRecords: 60, internalRecords: 60, matchGroups: 50, matchedRecords: 100 }, breaks: 12, byType: { fee_deduction: 8, timing_difference: 4 }, bySource: { llm: 9, rules: 3 }, fallbacks: { timeout: 2, invalid_output: 1 }, verified: 11, autoApproved: 2 },
  tokensIn: 12000,
  tokensOut: 3400,
  cost: '0.0421',
  finishedAt: '2026-11-04T01:01:05Z',
  runMs: 64_000,
  exceptions: { total: 12, byStatus: { suggested: 10, approved: 2 } },
};

describe('RunDetailView', () => {
  it('follows a running run’s progress over SSE, then shows its stats from the done event', async () => {
    let source: FakeEventSource | undefined;
    render(() => <RunDetailView runId={running.id} load={async () => running} openEvents={(url) => (source = new FakeEventSource(url))} />);
    await waitFor(() => expect(source).toBeDefined());
    expect(source!.url).toBe(`/api/runs/${running.id}/events`);
    expect(screen.getByTestId('run-status').textContent).toBe('running');

    source!.send('progress', { phase: 'match', done: 0, total: 0 });
    await waitFor(() => expect(screen.getByText('Matching records')).toBeTruthy());
    source!.send('progress', { phase: 'agents', done: 40, total: 120 });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('40 of 120'));
    const bar = screen.getByTestId('run-progress').querySelector('progress')!;
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['40', '120']);
    expect(screen.getByText('Classifying breaks and suggesting resolutions')).toBeTruthy();

    source!.send('done', finished);
    await waitFor(() => expect(screen.getByTestId('run-status').textContent).toBe('completed'));
    expect(source!.closed).toBe(true);
    expect(screen.queryByTestId('run-progress')).toBeNull();
    expect(screen.getByTestId('stat-matched').textContent).toBe('83.3%');
    expect(screen.getByTestId('stat-breaks').textContent).toBe('12');
    expect(screen.getByTestId('stat-fallbacks').textContent).toBe('3');
    expect(screen.getByTestId('stat-cost').textContent).toBe('$0.0421');
    expect(screen.getByTestId('stat-duration').textContent).toBe('1 min 4 s');
    expect([...screen.getByTestId('run-by-type').querySelectorAll('[data-label]')].map((g) => `${g.getAttribute('data-label')}=${g.getAttribute('data-value')}`)).toEqual(['Fee deduction=8', 'Timing difference=4']);
    expect(screen.getByTestId('run-fallbacks').textContent).toContain('Timeout 2');
  });

  it('shows the reason when the run fails, and opens no stream for a finished run', async () => {
    let source: FakeEventSource | undefined;
    const { unmount } = render(() => <RunDetailView runId={running.id} load={async () => running} openEvents={(url) => (source = new FakeEventSource(url))} />);
    await waitFor(() => expect(source).toBeDefined());
    source!.send('failed', { runId: running.id, status: 'failed', error: 'records could not be loaded' });
    await waitFor(() => expect(screen.getByTestId('run-error').textContent).toContain('records could not be loaded'));
    unmount();

    let opened = 0;
    render(() => <RunDetailView runId={finished.id} load={async () => finished} openEvents={(url) => (opened++, new FakeEventSource(url))} />);
    await waitFor(() => expect(screen.getByTestId('stat-breaks').textContent).toBe('12'));
    expect(opened).toBe(0);
  });
});

describe('RunDetailView, when another run is chosen', () => {
  it('drops the first run’s stream and figures and shows the second', async () => {
    const { createSignal } = await import('solid-js');
    const [id, setId] = createSignal(running.id);
    const other: RunDetail = { ...finished, id: '7f000000-0000-4000-8000-000000000002', asOf: '2026-11-02', stats: { ...finished.stats, breaks: 5 } };
    const sources: FakeEventSource[] = [];
    render(() => <RunDetailView runId={id()} load={async (runId) => (runId === other.id ? other : running)} openEvents={(url) => { const s = new FakeEventSource(url); sources.push(s); return s; }} />);
    await waitFor(() => expect(sources).toHaveLength(1));
    sources[0]!.send('progress', { phase: 'agents', done: 3, total: 9 });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('3 of 9'));
    setId(other.id);
    await waitFor(() => expect(screen.getByTestId('stat-breaks').textContent).toBe('5'));
    expect(sources[0]!.closed).toBe(true);
    expect(screen.queryByTestId('run-progress')).toBeNull();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('operating-eur · as of 2026-11-02');
  });
});
