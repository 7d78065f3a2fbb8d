import { fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReconciliationView } from '../api/runs-api.ts';
import { StartRunForm } from './start-run-form.tsx';

const base: ReconciliationView = { id: 'operating-eur', name: 'Operating EUR', domain: 'cash', externalAccount: 'DE01', internalAccount: 'GL-1000', mode: 'hybrid', schedule: '0 6 * * 1-5', timezone: 'Europe/Berlin', enabled: true };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('StartRunForm', () => {
  it('posts the chosen reconciliation, as-of date and mode, and hands back the run id', async () => {
    const bodies: unknown[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)));
      return new Response(JSON.stringify({ runId: 'r-1' }), { status: 202, headers: { 'content-type': 'application/json' } });
    });
    const started = vi.fn();
    render(() => <StartRunForm reconciliations={[base, { ...base, id: 'fx-usd', name: 'FX USD', mode: null }]} onStarted={started} now={() => new Date('2026-11-04T08:00:00Z')} />);
    expect((screen.getByLabelText('As of') as HTMLInputElement).value).toBe('2026-11-03');
    fireEvent.change(screen.getByLabelText('Reconciliation'), { target: { value: 'fx-usd' } });
    fireEvent.change(screen.getByLabelText('Mode'), { target: { value: 'rules' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start run' }));
    await waitFor(() => expect(started).toHaveBeenCalledWith('r-1'));
    expect(bodies).toEqual([{ reconciliationId: 'fx-usd', asOf: '2026-11-03', mode: 'rules' }]);
  });

  it('shows the next scheduled run when the server reports one, else the schedule', () => {
    const { unmount } = render(() => <StartRunForm reconciliations={[{ ...base, nextRunAt: '2026-11-05T05:00:00.000Z' }]} onStarted={() => {}} />);
    expect(screen.getByTestId('next-run').textContent).toBe('Next scheduled run: 5 Nov 2026, 05:00 UTC');
    unmount();
    render(() => <StartRunForm reconciliations={[base]} onStarted={() => {}} />);
    expect(screen.queryByTestId('next-run')).toBeNull();
    expect(screen.getByText('0 6 * * 1-5')).toBeTruthy();
  });

  it('says why when the server cannot start runs', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ error: { code: 'redis_unavailable', message: 'no launcher' } }), { status: 503, headers: { 'content-type': 'application/json' } }));
    render(() => <StartRunForm reconciliations={[base]} onStarted={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start run' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This server cannot start runs (no worker and no in-process runner).');
  });
});
