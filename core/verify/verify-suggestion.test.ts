import { describe, expect, it } from 'vitest';
import type { BreakContext } from '../breaks/break-context.ts';
import { VERIFICATION_CHECKS, type VerificationCheckName } from '../breaks/verification.ts';
import { contextOf } from '../rules/rules-test-kit.ts';
import type { Resolution } from '../taxonomy/actions.ts';
import type { BreakType } from '../taxonomy/break-types.ts';
import { verifySuggestion } from './verify-suggestion.ts';

const fee = contextOf({ external: [{ id: 'e1', amount: '-12.50', description: 'KONTOFUEHRUNG' }] });
const wire = contextOf({
  external: [{ id: 'e1', amount: '985.00', reference: 'INV-1', description: 'INCOMING WIRE INV-1' }],
  internal: [{ id: 'i1', amount: '1000.00', reference: 'INV-1', description: 'Invoice INV-1' }],
});
const swapped = contextOf({ external: [{ id: 'e1', amount: '-3136.00', reference: 'INV-2' }], internal: [{ id: 'i1', amount: '-3316.00', reference: 'INV-2' }] });
const batch = contextOf({
  external: [{ id: 'e1', amount: '1326.87', counterparty: 'Bolt Ltd', description: 'SAMMLER' }],
  internal: [{ id: 'i1', amount: '762.55', reference: 'SO-1', counterparty: 'Bolt Ltd' }, { id: 'i2', amount: '564.32', reference: 'SO-2', counterparty: 'Bolt Ltd' }],
});
const trade = { securityId: 'US0378331005', securityIds: { ISIN: 'US0378331005', CUSIP: '037833100' }, tradeDate: '2026-10-12', settleDate: '2026-10-14', date: '2026-10-12', amount: '-33862.50', quantity: '150', price: '225.75', fxRate: '1.0000', kind: 'trade' as const, currency: 'USD', reference: 'T-1' };
const quantity = contextOf({ domain: 'securities', external: [{ id: 'e1', ...trade }], internal: [{ id: 'i1', ...trade, quantity: '160' }] });
const fx = contextOf({ domain: 'securities', external: [{ id: 'e1', ...trade }], internal: [{ id: 'i1', ...trade, fxRate: '1.0150', amount: '-34370.44' }] });
const erroneous = contextOf({ internal: [{ id: 'i1', amount: '-293.16', description: 'Supplier payment' }] });

function failing(ctx: BreakContext, type: BreakType, resolution: unknown): Partial<Record<VerificationCheckName, string>> {
  const result = verifySuggestion(ctx, type, resolution as Resolution);
  expect(result.checks.map((c) => c.name)).toEqual([...VERIFICATION_CHECKS]);
  expect(result.ok).toBe(result.checks.every((c) => c.ok));
  return Object.fromEntries(result.checks.filter((c) => !c.ok).map((c) => [c.name, c.message]));
}

describe('verifySuggestion passes the contract resolutions', () => {
  const good: [string, BreakContext, BreakType, Resolution][] = [
    ['journal for a fee', fee, 'unbooked_fee', { action: 'post_journal', account: 'bank_charges', amount: '-12.50', currency: 'EUR' }],
    ['adjustment for a wire fee', wire, 'fee_deduction', { action: 'match_with_adjustment', external: ['e1'], internal: ['i1'], account: 'bank_charges', amount: '-15.00', currency: 'EUR' }],
    ['correction of a transposition', swapped, 'amount_mismatch', { action: 'correct_entry', recordId: 'i1', field: 'amount', from: '-3316.00', to: '-3136.00' }],
    ['confirmation of a batch', batch, 'split_or_aggregate', { action: 'confirm_match', external: ['e1'], internal: ['i1', 'i2'] }],
    ['quantity correction', quantity, 'quantity_mismatch', { action: 'correct_entry', recordId: 'i1', field: 'quantity', from: '160', to: '150' }],
    ['FX adjustment', fx, 'fx_difference', { action: 'match_with_adjustment', external: ['e1'], internal: ['i1'], account: 'fx_gain_loss', amount: '507.94', currency: 'USD' }],
    ['reversal of an erroneous booking', erroneous, 'missing_external', { action: 'reverse_entry', recordId: 'i1' }],
    ['carry forward', erroneous, 'missing_external', { action: 'carry_forward', expectedBy: '2026-11-05' }],
    ['escalation', wire, 'fee_deduction', { action: 'escalate', reason: 'Unusual fee.' }],
    ['contact', wire, 'fee_deduction', { action: 'contact_counterparty', message: 'Please refund the fee.' }],
  ];
  for (const [name, ctx, type, resolution] of good) it(name, () => expect(failing(ctx, type, resolution)).toEqual({}));
});

describe('records_in_break', () => {
  it('fails for records outside the break or on the wrong side', () => {
    expect(failing(wire, 'fee_deduction', { action: 'match_with_adjustment', external: ['e9'], internal: ['i1'], account: 'bank_charges', amount: '-15.00', currency: 'EUR' }).records_in_break).toMatch(/statement item e9 is not part of this break/);
    expect(failing(wire, 'fee_deduction', { action: 'match_with_adjustment', external: ['i1'], internal: ['e1'], account: 'bank_charges', amount: '-15.00', currency: 'EUR' }).records_in_break).toMatch(/i1 is a book entry, not a statement item/);
    expect(failing(swapped, 'amount_mismatch', { action: 'correct_entry', recordId: 'e1', field: 'amount', from: '-3136.00', to: '-3316.00' }).records_in_break).toMatch(/e1 is a statement item; correct_entry can only change book entries/);
  });
});

describe('action_allowed', () => {
  it('fails for an action the type does not allow', () => {
    expect(failing(fee, 'unbooked_fee', { action: 'reverse_entry', recordId: 'e1' }).action_allowed).toMatch(/reverse entry is not an allowed resolution for a unbooked fee break/);
  });
});

describe('parameters_valid', () => {
  it('fails when the schema does not parse, naming the fields', () => {
    const message = failing(fee, 'unbooked_fee', { action: 'post_journal', account: 'petty_cash', amount: '12,50', currency: 'EUR' }).parameters_valid;
    expect(message).toMatch(/account/);
    expect(message).toMatch(/amount/);
  });
  it('fails for another currency or the wrong number of decimals', () => {
    expect(failing(fee, 'unbooked_fee', { action: 'post_journal', account: 'bank_charges', amount: '-12.50', currency: 'USD' }).parameters_valid).toMatch(/currency is USD, but the records are in EUR/);
    expect(failing(fee, 'unbooked_fee', { action: 'post_journal', account: 'bank_charges', amount: '-12.5', currency: 'EUR' }).parameters_valid).toMatch(/EUR amounts have 2 decimals, but -12.5 is written with 1/);
  });
  it('fails for a correction value of the wrong form and a re-check date in the past', () => {
    const settle = contextOf({ domain: 'securities', external: [{ id: 'e1', ...trade }], internal: [{ id: 'i1', ...trade, settleDate: '2026-10-15' }] });
    expect(failing(settle, 'settlement_date_mismatch', { action: 'correct_entry', recordId: 'i1', field: 'settleDate', from: '2026-10-15', to: '14.10.2026' }).parameters_valid).toMatch(/not a date/);
    expect(failing(erroneous, 'missing_external', { action: 'carry_forward', expectedBy: '2026-10-01' }).parameters_valid).toMatch(/before the reconciliation date 2026-10-31/);
  });
});

describe('balances', () => {
  it('fails for a journal or adjustment that leaves an amount open', () => {
    expect(failing(fee, 'unbooked_fee', { action: 'post_journal', account: 'bank_charges', amount: '-10.00', currency: 'EUR' }).balances).toMatch(/posts -10.00 EUR, but the statement exceeds the books by -12.50 EUR; -2.50 EUR would remain open/);
    expect(failing(wire, 'fee_deduction', { action: 'match_with_adjustment', external: ['e1'], internal: ['i1'], account: 'bank_charges', amount: '15.00', currency: 'EUR' }).balances).toMatch(/would remain open/);
  });
  it('fails for a confirmation that does not tie or leaves records out', () => {
    expect(failing(wire, 'reference_mismatch', { action: 'confirm_match', external: ['e1'], internal: ['i1'] }).balances).toMatch(/do not tie: statement minus books is -15.00 EUR/);
    expect(failing(batch, 'split_or_aggregate', { action: 'confirm_match', external: ['e1'], internal: ['i1'] }).balances).toMatch(/do not tie/);
  });
  it('fails for a correction from a value the entry does not hold, or to one that does not agree', () => {
    expect(failing(swapped, 'amount_mismatch', { action: 'correct_entry', recordId: 'i1', field: 'amount', from: '-3000.00', to: '-3136.00' }).balances).toMatch(/expects amount "-3000.00" on i1, but the entry holds "-3316.00"/);
    expect(failing(swapped, 'amount_mismatch', { action: 'correct_entry', recordId: 'i1', field: 'amount', from: '-3316.00', to: '-3163.00' }).balances).toMatch(/still be 27.00 EUR/);
    expect(failing(quantity, 'quantity_mismatch', { action: 'correct_entry', recordId: 'i1', field: 'quantity', from: '160', to: '155' }).balances).toMatch(/quantity "155" would still differ from the statement's "150"/);
  });
  it('fails for a field correction that leaves the amounts apart', () => {
    expect(failing(fx, 'fx_difference', { action: 'correct_entry', recordId: 'i1', field: 'fxRate', from: '1.0150', to: '1.0000' }).balances).toMatch(/the amounts still differ \(507.94 USD\)/);
  });
  it('fails for a reversal that leaves the statement item unexplained', () => {
    expect(failing(wire, 'fee_deduction', { action: 'escalate', reason: 'x' })).toEqual({});
    expect(failing(swapped, 'amount_mismatch', { action: 'reverse_entry', recordId: 'i1' })).toMatchObject({ action_allowed: expect.any(String), balances: expect.stringMatching(/would leave e1 unexplained \(-3136.00 EUR open\)/) });
  });
  it('is not checked when the parameters do not parse', () => {
    expect(failing(fee, 'unbooked_fee', { action: 'post_journal', amount: 'x' }).balances).toMatch(/cannot be checked until the parameters are valid/);
  });
});
