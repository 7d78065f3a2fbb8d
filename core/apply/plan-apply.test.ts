import { describe, expect, it } from 'vitest';
import type { BreakContext } from '../breaks/break-context.ts';
import { DEFAULT_MATCH_CONFIG } from '../match/match-config.ts';
import type { CanonicalRecord } from '../records/canonical-record.ts';
import type { Resolution } from '../taxonomy/actions.ts';
import type { BreakType } from '../taxonomy/break-types.ts';
import { linesBalance } from './journal-lines.ts';
import { correctedRecordId, planApply, type ApplyInput } from './plan-apply.ts';

const rec = (id: string, side: 'external' | 'internal', amount: string): CanonicalRecord => ({ id, side, account: side === 'external' ? 'DE00' : 'GL-1000', date: '2026-10-30', amount, currency: 'EUR' });

function ctx(external: CanonicalRecord[], internal: CanonicalRecord[]): BreakContext {
  const { dateWindowDays, clearingWindowDays, roundingMinorUnits, securities } = DEFAULT_MATCH_CONFIG;
  return { id: 'b0', fingerprint: 'fp', shape: 'pair', domain: 'cash', asOf: '2026-10-31', external, internal, difference: null, currency: 'EUR', evidence: { pass: 'tolerance', agreed: [], differences: [], score: 0.5 }, config: { dateWindowDays, clearingWindowDays, roundingMinorUnits, securities } };
}

const input = (type: BreakType, resolution: Resolution, context: BreakContext, extra: Partial<ApplyInput> = {}): ApplyInput => ({
  exceptionId: 'x1',
  decisionId: '00000000-0000-4000-8000-000000000001',
  type,
  resolution,
  context,
  superseded: new Set(),
  confirmed: new Set(),
  gl: { bookAccount: 'GL-1000', glCodes: { bank_charges: '6810' } },
  ...extra,
});

const fee = ctx([rec('e', 'external', '-1015.00')], [rec('i', 'internal', '-1000.00')]);
const feeResolution: Resolution = { action: 'match_with_adjustment', external: ['e'], internal: ['i'], account: 'bank_charges', amount: '-15.00', currency: 'EUR' };

describe('planApply', () => {
  it('books a match with adjustment as balanced lines on the book account and the mapped GL code, and confirms the match', () => {
    const result = planApply(input('fee_deduction', feeResolution, fee));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.matchGroup).toEqual({ external: ['e'], internal: ['i'] });
    expect(result.plan.effect?.kind).toBe('journal');
    expect(result.plan.effect?.lines.map((l) => [l.lineNo, l.accountRole, l.glCode, l.amount])).toEqual([
      [1, null, 'GL-1000', '-15.00'],
      [2, 'bank_charges', '6810', '15.00'],
    ]);
  });

  it('falls back to the role name for an unmapped role', () => {
    const c = ctx([rec('e', 'external', '40.00')], []);
    const result = planApply(input('unbooked_interest', { action: 'post_journal', account: 'interest_income', amount: '40.00', currency: 'EUR' }, c));
    expect(result.ok && result.plan.effect?.lines.map((l) => l.glCode)).toEqual(['GL-1000', 'interest_income']);
  });

  it('corrects an amount: supersedes the entry with a corrected copy and journals the difference to suspense', () => {
    const c = ctx([rec('e', 'external', '-200.00')], [rec('i', 'internal', '200.00')]);
    const result = planApply(input('sign_error', { action: 'correct_entry', recordId: 'i', field: 'amount', from: '200.00', to: '-200.00' }, c));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.supersede).toEqual(['i']);
    expect(result.plan.corrections).toEqual([{ recordId: 'i', newRecordId: correctedRecordId('i', '00000000-0000-4000-8000-000000000001'), field: 'amount', to: '-200.00' }]);
    expect(result.plan.effect?.lines.map((l) => [l.glCode, l.amount])).toEqual([['GL-1000', '-400.00'], ['suspense', '400.00']]);
    expect(linesBalance(result.plan.effect!.lines)).toBe(true);
  });

  it('reverses an entry: supersedes it and takes its amount back out against suspense', () => {
    const c = ctx([], [rec('i', 'internal', '-50.00')]);
    const result = planApply(input('duplicate_entry', { action: 'reverse_entry', recordId: 'i' }, c));
    expect(result.ok && result.plan.supersede).toEqual(['i']);
    expect(result.ok && result.plan.effect?.lines.map((l) => l.amount)).toEqual(['50.00', '-50.00']);
  });

  it('applies carry forward without any effect, and never applies an escalation', () => {
    const c = ctx([], [rec('i', 'internal', '300.00')]);
    expect(planApply(input('timing_difference', { action: 'carry_forward' }, c))).toEqual({ ok: true, plan: { effect: null, matchGroup: null, supersede: [], corrections: [] } });
    expect(planApply(input('timing_difference', { action: 'escalate', reason: 'unsure' }, c))).toMatchObject({ ok: false });
  });

  it('refuses when a record was superseded or confirmed elsewhere, or the resolution no longer verifies', () => {
    expect(planApply(input('fee_deduction', feeResolution, fee, { superseded: new Set(['i']) }))).toMatchObject({ ok: false, reason: expect.stringContaining('i was corrected or reversed') });
    expect(planApply(input('fee_deduction', feeResolution, fee, { confirmed: new Set(['e']) }))).toMatchObject({ ok: false, reason: expect.stringContaining('already in a confirmed match') });
    expect(planApply(input('fee_deduction', { ...feeResolution, amount: '-10.00' }, fee))).toMatchObject({ ok: false, reason: expect.stringContaining('no longer verifies') });
  });
});
