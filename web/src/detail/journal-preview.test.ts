import { describe, expect, it } from 'vitest';
import type { FieldDiff, RecordView } from '../api/types.ts';
import { deltaText } from './field-deltas.ts';
import { journalPreview } from './journal-preview.ts';

const record = (id: string, side: 'external' | 'internal', amount: string): RecordView => ({ id, side, account: 'A', date: '2026-10-30', valueDate: null, amount, currency: 'EUR', reference: null, counterparty: null, description: null, kind: 'cash', securityId: null, quantity: null, price: null, tradeDate: null, settleDate: null, fxRate: null });

describe('the journal preview', () => {
  it('books the amount to the reconciled account and its negation to the role, and shows the group balance', () => {
    const records = { external: [record('e1', 'external', '-1015.00'), record('e2', 'external', '-3.00')], internal: [record('i1', 'internal', '-1000.00')] };
    const p = journalPreview({ action: 'match_with_adjustment', external: ['e1'], internal: ['i1'], account: 'bank_charges', amount: '-15.00', currency: 'EUR' }, records)!;
    expect(p.lines.map((l) => [l.accountRole, l.amount])).toEqual([[null, '-15.00'], ['bank_charges', '15.00']]);
    expect(p).toMatchObject({ externalTotal: '-1015.00', internalBefore: '-1000.00', internalAfter: '-1015.00', remaining: '0.00', balances: true, linesSum: '0.00' });
  });

  it('counts every record for a journal and says when it does not balance', () => {
    const records = { external: [record('e1', 'external', '-25.00')], internal: [] };
    const p = journalPreview({ action: 'post_journal', account: 'bank_charges', amount: '-20.00', currency: 'EUR' }, records)!;
    expect(p.balances).toBe(false);
    expect(p.remaining).toBe('-5.00');
  });

  it('has nothing to show for actions that book nothing or an amount that does not parse', () => {
    expect(journalPreview({ action: 'confirm_match', external: ['e1'], internal: ['i1'] }, { external: [], internal: [] })).toBeUndefined();
    expect(journalPreview({ action: 'post_journal', account: 'bank_charges', amount: '1,5', currency: 'EUR' }, { external: [], internal: [] })).toBeUndefined();
  });
});

describe('field deltas', () => {
  const diff = (field: string, e: string[], i: string[], differs = true): FieldDiff => ({ field, external: e, internal: i, differs });
  it('spells out amount and date differences', () => {
    expect(deltaText(diff('amount', ['-1015.00'], ['-1000.00']))).toBe('statement −15.00 vs books');
    expect(deltaText(diff('amount', ['-200.00'], ['200.00']))).toBe('statement −400.00 vs books (opposite signs)');
    expect(deltaText(diff('date', ['2026-11-02'], ['2026-10-30']))).toBe('statement 3 days later');
    expect(deltaText(diff('reference', ['A'], []))).toBe('only on the statement');
    expect(deltaText(diff('reference', ['A'], ['A'], false))).toBeUndefined();
  });
});
