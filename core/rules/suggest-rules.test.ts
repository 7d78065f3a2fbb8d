import { describe, expect, it } from 'vitest';
import { resolutionProposalSchema, rootCauseSchema, type Classification } from '../breaks/agent-outputs.ts';
import type { BreakContext } from '../breaks/break-context.ts';
import type { BreakType } from '../taxonomy/break-types.ts';
import { verifySuggestion } from '../verify/verify-suggestion.ts';
import { classifyByRules } from './classify-rules.ts';
import { rootCauseByRules } from './root-cause-rules.ts';
import { suggestByRules } from './suggest-rules.ts';
import { contextOf, type KitInput } from './rules-test-kit.ts';

function run(input: KitInput) {
  const ctx = contextOf(input);
  const c = classifyByRules(ctx);
  const r = rootCauseByRules(ctx, c);
  const s = suggestByRules(ctx, c, r);
  return { ctx, type: c.type, cause: r.cause, resolution: s.resolution, verified: verifySuggestion(ctx, c.type, s.resolution).ok };
}
const statement = (amount: string, description: string, extra: object = {}): KitInput => ({ external: [{ id: 'e1', amount, description, date: '2026-10-12', ...extra }] });
const books = (amount: string, description: string, extra: object = {}): KitInput => ({ internal: [{ id: 'i1', amount, description, date: '2026-10-12', ...extra }] });
const pair = (ext: string, int: string, description = 'INCOMING WIRE INV-4711'): KitInput => ({
  external: [{ id: 'e1', amount: ext, reference: 'INV-4711', counterparty: 'ACME GmbH', description }],
  internal: [{ id: 'i1', amount: int, reference: 'INV-4711', counterparty: 'ACME GmbH', description: 'Invoice INV-4711' }],
});

describe('resolutions by cause, as the contract prescribes', () => {
  const cases: [string, KitInput, string, string, object][] = [
    ['bank charge', statement('-12.50', 'KONTOFUEHRUNG OKT'), 'unbooked_fee', 'bank_service_charge', { action: 'post_journal', account: 'bank_charges', amount: '-12.50', currency: 'EUR' }],
    ['custody fee', statement('-80.00', 'Depotgebühr Q3'), 'unbooked_fee', 'custody_fee', { action: 'post_journal', account: 'custody_fees', amount: '-80.00' }],
    ['commission', statement('-9.90', 'Courtage ordre 4711'), 'unbooked_fee', 'commission', { action: 'post_journal', account: 'custody_fees' }],
    ['interest credited', statement('3.17', 'HABENZINSEN'), 'unbooked_interest', 'interest_credited', { action: 'post_journal', account: 'interest_income', amount: '3.17' }],
    ['interest charged', statement('-41.02', 'Sollzinsen'), 'unbooked_interest', 'interest_charged', { action: 'post_journal', account: 'interest_expense', amount: '-41.02' }],
    ['wire fee', pair('985.00', '1000.00'), 'fee_deduction', 'wire_fee_deducted', { action: 'match_with_adjustment', external: ['e1'], internal: ['i1'], account: 'bank_charges', amount: '-15.00', currency: 'EUR' }],
    ['processor fee', pair('970.70', '1000.00', 'STRIPE PAYOUT'), 'fee_deduction', 'processor_fee_netted', { action: 'match_with_adjustment', account: 'bank_charges', amount: '-29.30' }],
    ['rounding', pair('1898.59', '1898.58'), 'rounding_difference', 'rounding', { action: 'match_with_adjustment', account: 'rounding', amount: '0.01' }],
    ['FX', pair('12903.46', '12750.45'), 'fx_difference', 'fx_rate_source', { action: 'match_with_adjustment', account: 'fx_gain_loss', amount: '153.01' }],
    ['discount', pair('1209.87', '1234.56', 'Zahlung abzgl. 2% Skonto'), 'amount_mismatch', 'early_payment_discount', { action: 'match_with_adjustment', account: 'discounts_allowed', amount: '-24.69' }],
    ['partial payment', pair('1521.00', '3043.29'), 'amount_mismatch', 'partial_payment', { action: 'contact_counterparty' }],
    ['overpayment', pair('5000.00', '3043.29'), 'amount_mismatch', 'overpayment', { action: 'contact_counterparty' }],
    ['transposition', pair('-3136.00', '-3316.00'), 'amount_mismatch', 'transposition_error', { action: 'correct_entry', recordId: 'i1', field: 'amount', from: '-3316.00', to: '-3136.00' }],
    ['decimal shift', pair('1234.50', '123.45'), 'amount_mismatch', 'decimal_shift', { action: 'correct_entry', recordId: 'i1', field: 'amount', from: '123.45', to: '1234.50' }],
    ['sign error', pair('-426.60', '426.60'), 'sign_error', 'debit_credit_swapped', { action: 'correct_entry', recordId: 'i1', field: 'amount', from: '426.60', to: '-426.60' }],
    ['unrecorded receipt', statement('8708.78', 'VIREMENT RECU'), 'missing_internal', 'unrecorded_receipt', { action: 'post_journal', account: 'accounts_receivable', amount: '8708.78' }],
    ['unrecorded direct debit', statement('-89.90', 'SEPA-Lastschrift Stadtwerke'), 'missing_internal', 'unrecorded_direct_debit', { action: 'post_journal', account: 'accounts_payable', amount: '-89.90' }],
    ['transfer leg', statement('-5000.00', 'Umbuchung auf eigenes Konto'), 'missing_internal', 'unbooked_transfer_leg', { action: 'post_journal', account: 'suspense' }],
    ['erroneous booking', books('-293.16', 'Supplier payment'), 'missing_external', 'erroneous_booking', { action: 'reverse_entry', recordId: 'i1' }],
    ['payment not executed', books('-293.16', 'Dauerauftrag Miete'), 'missing_external', 'payment_not_executed', { action: 'escalate' }],
    ['returned collection', statement('-363.51', 'ACH RETURN R01 INSUFFICIENT FUNDS'), 'reversal', 'payment_returned', { action: 'post_journal', account: 'accounts_receivable', amount: '-363.51' }],
    ['returned outgoing payment', statement('250.00', 'RETOUR VIREMENT'), 'reversal', 'payment_returned', { action: 'post_journal', account: 'accounts_payable', amount: '250.00' }],
    ['chargeback', statement('-49.00', 'Chargeback card sale'), 'reversal', 'chargeback', { action: 'post_journal', account: 'accounts_receivable' }],
    ['deposit in transit', books('500.00', 'Receipt', { date: '2026-10-29' }), 'timing_difference', 'deposit_in_transit', { action: 'carry_forward', expectedBy: '2026-11-03' }],
    ['outstanding cheque', books('-500.00', 'Cheque 1234', { date: '2026-10-28' }), 'timing_difference', 'outstanding_payment', { action: 'carry_forward' }],
  ];
  for (const [name, input, type, cause, resolution] of cases) {
    it(`${name}: ${type} / ${cause}`, () => {
      const out = run(input);
      expect([out.type, out.cause]).toEqual([type, cause]);
      expect(out.resolution).toMatchObject(resolution);
      expect(out.verified).toBe(true);
    });
  }

  it('references: truncated, mistyped or under another name, confirmed as they tie', () => {
    const ref = (e: string, i: string, ep = 'Nordlicht AG', ip = 'Nordlicht AG') => run({ external: [{ id: 'e1', amount: '936.68', reference: e, counterparty: ep }], internal: [{ id: 'i1', amount: '936.68', reference: i, counterparty: ip }] });
    expect(ref('INV-90812', 'INV-90812756')).toMatchObject({ type: 'reference_mismatch', cause: 'reference_truncated', resolution: { action: 'confirm_match', external: ['e1'], internal: ['i1'] } });
    expect(ref('INV-30387', 'INV-30378')).toMatchObject({ cause: 'reference_typo' });
  });

  it('duplicates reverse the later copy; ambiguity escalates naming every candidate', () => {
    const spec = { amount: '-3337.72', reference: 'PO-1', counterparty: 'ACME GmbH', description: 'Supplier payment PO-1' };
    expect(run({ external: [{ id: 'e1', ...spec }], internal: [{ id: 'i1', ...spec }, { id: 'i2', ...spec, date: '2026-10-11' }] })).toMatchObject({ type: 'duplicate_entry', cause: 'double_posting', resolution: { action: 'reverse_entry', recordId: 'i2' } });
    const amb = run({ external: [{ id: 'e1', amount: '-11.54', description: 'CARD PAYMENT' }], internal: [{ id: 'i1', amount: '-11.54', description: 'Office supplies' }, { id: 'i2', amount: '-11.54', description: 'Team lunch' }] });
    expect(amb).toMatchObject({ type: 'ambiguous_match', cause: 'identical_candidates', resolution: { action: 'escalate' } });
    expect((amb.resolution as { reason: string }).reason).toMatch(/e1, i1, i2/);
  });

  it('writes amounts with the currency decimals', () => {
    expect(run(statement('-1.250', 'Bank charges', { currency: 'KWD' })).resolution).toMatchObject({ amount: '-1.250', currency: 'KWD' });
    expect(run(pair('98500', '100000')).resolution).toMatchObject({ amount: '-1500.00' });
    const jpy = run({ external: [{ id: 'e1', amount: '98500', currency: 'JPY', reference: 'INV-1' }], internal: [{ id: 'i1', amount: '100000', currency: 'JPY', reference: 'INV-1' }] });
    expect(jpy.resolution).toMatchObject({ action: 'match_with_adjustment', amount: '-1500', currency: 'JPY' });
  });
});

describe('answers for a type chosen elsewhere (the LLM path)', () => {
  const given = (ctx: BreakContext, type: BreakType): Classification => ({ breakId: ctx.id, type, confidence: 0.8, rationale: 'from the model', evidence: [] });

  it('picks among the given type causes, unknown when the break does not fit', () => {
    const ctx = contextOf(statement('-12.50', 'KONTOFUEHRUNG'));
    expect(rootCauseByRules(ctx, given(ctx, 'unbooked_fee')).cause).toBe('bank_service_charge');
    const misfit = rootCauseByRules(ctx, given(ctx, 'quantity_mismatch'));
    expect(rootCauseSchema.parse(misfit)).toEqual(misfit);
    expect(misfit).toMatchObject({ cause: 'unknown' });
    expect(misfit.confidence).toBeLessThan(0.5);
  });

  it('escalates when the resolution cannot be built or is not allowed for the type', () => {
    const ctx = contextOf(statement('-12.50', 'KONTOFUEHRUNG'));
    const c = given(ctx, 'sign_error');
    const s = suggestByRules(ctx, c, rootCauseByRules(ctx, c));
    expect(resolutionProposalSchema.parse(s)).toEqual(s);
    expect(s.resolution.action).toBe('escalate');
    expect(verifySuggestion(ctx, 'sign_error', s.resolution).ok).toBe(true);
  });
});

describe('texts stay within the contract limits', () => {
  it('for long references and many candidates', () => {
    const long = 'R'.repeat(1500);
    const partial = run({ external: [{ id: 'e1', amount: '1521.00', reference: long }], internal: [{ id: 'i1', amount: '3043.29', reference: long }] });
    const ctx = partial.ctx;
    const c = classifyByRules(ctx);
    expect(resolutionProposalSchema.safeParse(suggestByRules(ctx, c, rootCauseByRules(ctx, c))).success).toBe(true);
    const many = contextOf({ external: [{ id: 'e1', amount: '-11.54', description: 'CARD' }], internal: Array.from({ length: 40 }, (_, k) => ({ id: `ledger-entry-${'x'.repeat(50)}-${k}`, amount: '-11.54', description: `Item ${k}` })) });
    const a = classifyByRules(many);
    const s = suggestByRules(many, a, rootCauseByRules(many, a));
    expect(resolutionProposalSchema.safeParse(s).success).toBe(true);
    expect(s.resolution).toMatchObject({ action: 'escalate', reason: expect.stringMatching(/and 31 more/) });
  });
});
