import { screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExceptionDetailView, SessionUser, SuggestionView } from '../api/types.ts';
import { SessionProvider } from '../auth/session.tsx';
import { queueItem } from '../testing/queue-items.ts';
import { renderAt } from '../testing/render-at.tsx';
import { ExceptionDetailPage } from './exception-detail-page.tsx';

const item = queueItem(7);
const suggestion: SuggestionView = {
  id: 's1',
  version: 1,
  type: 'fee_deduction',
  typeLabel: 'Fee deducted',
  cause: 'wire_fee_deducted',
  causeLabel: 'Wire fee deducted',
  action: 'match_with_adjustment',
  actionLabel: 'Match with adjustment',
  resolution: { action: 'match_with_adjustment', external: ['e1'], internal: ['i1'], account: 'bank_charges', amount: '-15.00', currency: 'EUR' },
  rationale: 'The bank kept a wire fee.',
  evidence: ['amount differs by 15.00'],
  confidence: '0.9',
  source: 'llm',
  fallbackReason: null,
  verified: true,
  verification: { ok: true, checks: [{ name: 'balances', ok: true }] },
  model: 'gpt-test',
  createdBy: 'agent',
  createdAt: '2026-10-31T06:00:00.000Z',
};
const record = (id: string, side: 'external' | 'internal', amount: string, date: string) => ({ id, side, account: 'A', date, valueDate: null, amount, currency: 'EUR', reference: 'REF-1', counterparty: null, description: null, kind: 'cash', securityId: null, quantity: null, price: null, tradeDate: null, settleDate: null, fxRate: null });
const detail: ExceptionDetailView = {
  exception: { ...item, causeLabel: 'Wire fee deducted', evidence: {}, currentSuggestionVersion: 1 },
  records: { external: [record('e1', 'external', '-1015.00', '2026-10-31')], internal: [record('i1', 'internal', '-1000.00', '2026-10-29')] },
  fieldDiffs: [
    { field: 'date', external: ['2026-10-31'], internal: ['2026-10-29'], differs: true },
    { field: 'amount', external: ['-1015.00'], internal: ['-1000.00'], differs: true },
    { field: 'reference', external: ['REF-1'], internal: ['REF-1'], differs: false },
  ],
  totals: { external: '-1015.00', internal: '-1000.00', difference: '-15.00' },
  evidence: { match: {}, suggestion: ['amount differs by 15.00'] },
  suggestion,
  versions: [suggestion],
  decisions: [],
  effects: [],
};

function page(role: SessionUser['role'], shown: ExceptionDetailView = detail, answer?: (url: string, init?: RequestInit) => unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const body = url.startsWith('/api/audit') ? { items: [], nextCursor: null } : init?.method === 'POST' && answer ? answer(url, init) : shown;
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
  return renderAt(`/exceptions/${item.id}`, () => <ExceptionDetailPage />, { path: '/exceptions/:id', wrap: (c) => <SessionProvider load={async () => ({ id: 'u', name: 'U', role })}>{c()}</SessionProvider> });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the exception detail page', () => {
  it('shows both sides with the differing fields highlighted and their deltas in words, and the reasoning', async () => {
    page('viewer');
    await screen.findByRole('heading', { name: 'Records' });
    const differing = [...document.querySelectorAll('tr[data-differs="true"]')].map((r) => r.textContent);
    expect(differing).toEqual([expect.stringContaining('statement 2 days later'), expect.stringContaining('statement −15.00 vs books')]);
    expect(document.querySelector('tr[data-differs="false"]')?.textContent).toContain('same');
    expect(screen.getByTestId('totals-difference').textContent).toContain('−15.00 EUR');
    expect(screen.getByText('The bank kept a wire fee.')).toBeTruthy();
    expect(screen.getByText('amount differs by 15.00')).toBeTruthy();
    expect(screen.getByTestId('verification').textContent).toContain('✓ Verified');
  });

  it('gives a viewer no decision buttons', async () => {
    page('viewer');
    await screen.findByRole('heading', { name: 'Suggested resolution' });
    await waitFor(() => expect(screen.getByText(/can look but not decide/)).toBeTruthy());
    for (const name of ['Approve', 'Edit', 'Reject…', 'Escalate…']) expect(screen.queryByRole('button', { name })).toBeNull();
  });

  it('gives a reviewer edit, reject and escalate but not approve, and an approver approve too', async () => {
    const reviewer = page('reviewer');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit' })).toBeTruthy());
    expect(screen.getByRole('button', { name: 'Reject…' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    reviewer.unmount();
    page('approver');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Approve' })).toBeTruthy());
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Audit entries' })).toBeTruthy());
  });

  it('offers an approver a retry when applying failed, and says how the retry went', async () => {
    const failed: ExceptionDetailView = { ...detail, exception: { ...detail.exception, status: 'apply_failed' } };
    const posted: string[] = [];
    page('approver', failed, (url) => {
      posted.push(url);
      return { exception: { id: item.id, status: 'apply_failed', version: 3 }, apply: { status: 'apply_failed', reason: 'no GL code for bank_charges' } };
    });
    const retry = await screen.findByRole('button', { name: 'Retry apply' });
    retry.click();
    await waitFor(() => expect(screen.getByText('Applying failed again: no GL code for bank_charges.')).toBeTruthy());
    expect(posted).toEqual([`/api/exceptions/${item.id}/apply`]);
  });

  it('shows no retry to a reviewer', async () => {
    page('reviewer', { ...detail, exception: { ...detail.exception, status: 'apply_failed' } });
    await screen.findByRole('heading', { name: 'Suggested resolution' });
    expect(screen.queryByRole('button', { name: 'Retry apply' })).toBeNull();
  });
});
