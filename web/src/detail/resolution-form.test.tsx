import { fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import type { RecordView, Resolution } from '../api/types.ts';
import { ResolutionForm } from './resolution-form.tsx';

const record = (id: string, side: 'external' | 'internal', amount: string): RecordView => ({ id, side, account: side === 'external' ? 'DE89' : 'GL-1000', date: '2026-10-30', valueDate: null, amount, currency: 'EUR', reference: `REF-${id}`, counterparty: null, description: null, kind: 'cash', securityId: null, quantity: null, price: null, tradeDate: null, settleDate: null, fxRate: null });
const records = { external: [record('e1', 'external', '-1015.00')], internal: [record('i1', 'internal', '-1000.00')] };
const fee: Resolution = { action: 'match_with_adjustment', external: ['e1'], internal: ['i1'], account: 'bank_charges', amount: '-10.00', currency: 'EUR' };

function form(initial: Resolution | undefined = fee, type: 'fee_deduction' | 'unbooked_fee' = 'fee_deduction') {
  const sent: unknown[] = [];
  render(() => <ResolutionForm type={type} currency="EUR" records={records} initial={initial} onSubmit={async (b) => void sent.push(b)} onCancel={() => undefined} />);
  return sent;
}

describe('the resolution form', () => {
  it('offers only the actions the break type allows', () => {
    form();
    const options = [...(screen.getByLabelText('Action') as HTMLSelectElement).options].map((o) => o.value);
    expect(options).toEqual(['match_with_adjustment', 'contact_counterparty', 'escalate']);
  });

  it('shows the journal and whether the group balances, in exact decimals', async () => {
    form();
    const remaining = () => screen.getByTestId('journal-remaining').textContent;
    expect(remaining()).toContain('−5.00 EUR — the group does not balance');
    fireEvent.input(screen.getByLabelText(/Adjustment/), { target: { value: '-15.00' } });
    await waitFor(() => expect(remaining()).toContain('0.00 EUR — the group balances'));
    const preview = screen.getByTestId('journal-preview');
    expect(preview.textContent).toContain('−15.00 EUR');
    expect(preview.textContent).toContain('Bank charges');
    expect(preview.textContent).toMatch(/Entry total\s*0\.00 EUR/);
    // Fractions a float would garble: 0.1 + 0.2 stays 0.3.
    fireEvent.input(screen.getByLabelText(/Adjustment/), { target: { value: '-14.7' } });
    await waitFor(() => expect(remaining()).toContain('−0.30 EUR'));
  });

  it('validates like the API: amount, account, currency and records, and sends nothing until they pass', async () => {
    const sent = form();
    fireEvent.input(screen.getByLabelText(/Adjustment/), { target: { value: '15,00' } });
    fireEvent.change(screen.getByLabelText('Account'), { target: { value: '' } });
    fireEvent.input(screen.getByLabelText('Currency'), { target: { value: 'USD' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /REF-e1/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save as new version' }));
    await waitFor(() => expect(screen.getByText('choose an account')).toBeTruthy());
    expect(screen.getByText(/expected a decimal string/)).toBeTruthy();
    expect(screen.getByText("the break's currency is EUR")).toBeTruthy();
    expect(screen.getByText('choose at least one record')).toBeTruthy();
    expect(screen.getByLabelText(/Adjustment/).getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);

    fireEvent.input(screen.getByLabelText(/Adjustment/), { target: { value: '-15.00' } });
    fireEvent.change(screen.getByLabelText('Account'), { target: { value: 'bank_charges' } });
    fireEvent.input(screen.getByLabelText('Currency'), { target: { value: 'EUR' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /REF-e1/ }));
    fireEvent.input(screen.getByLabelText('Rationale (optional)'), { target: { value: 'Wire fee' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save as new version' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ resolution: { ...fee, amount: '-15.00' }, rationale: 'Wire fee' });
  });

  it('switches the parameters with the action and requires the escalation reason', async () => {
    const sent = form();
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'escalate' } });
    expect(screen.queryByTestId('journal-preview')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save as new version' }));
    await waitFor(() => expect(screen.getByText('write a few words')).toBeTruthy());
    fireEvent.input(screen.getByLabelText('Why it needs a senior reviewer'), { target: { value: 'Counterparty disputes it' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save as new version' }));
    await waitFor(() => expect(sent).toEqual([{ resolution: { action: 'escalate', reason: 'Counterparty disputes it' } }]));
  });
});
