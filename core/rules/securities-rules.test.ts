import { describe, expect, it } from 'vitest';
import type { BreakContext } from '../breaks/break-context.ts';
import { classifyByRules } from './classify-rules.ts';
import { rootCauseByRules } from './root-cause-rules.ts';
import { suggestByRules } from './suggest-rules.ts';
import { contextOf, type RecordSpec } from './rules-test-kit.ts';

const APPLE = { securityId: 'US0378331005', securityIdType: 'ISIN' as const, securityIds: { ISIN: 'US0378331005', CUSIP: '037833100' } };
const MSFT = { securityId: 'US5949181045', securityIdType: 'ISIN' as const, securityIds: { ISIN: 'US5949181045', CUSIP: '594918104' } };
const buy: Omit<RecordSpec, 'id'> = { ...APPLE, date: '2026-10-12', tradeDate: '2026-10-12', settleDate: '2026-10-14', amount: '-33862.50', quantity: '150', price: '225.75', fxRate: '1.0000', kind: 'trade', currency: 'USD', reference: 'T-88714' };

function run(ext: Partial<RecordSpec>, int: Partial<RecordSpec>): { ctx: BreakContext; type: string; cause: string; resolution: unknown } {
  const ctx = contextOf({ domain: 'securities', external: [{ id: 'e1', ...buy, ...ext }], internal: [{ id: 'i1', ...buy, ...int }] });
  const c = classifyByRules(ctx);
  const r = rootCauseByRules(ctx, c);
  return { ctx, type: c.type, cause: r.cause, resolution: suggestByRules(ctx, c, r).resolution };
}

describe('securities pairs', () => {
  it('a wrongly keyed quantity is a booking error, corrected to the custodian quantity', () => {
    expect(run({}, { quantity: '160' })).toMatchObject({ type: 'quantity_mismatch', cause: 'booking_error', resolution: { action: 'correct_entry', recordId: 'i1', field: 'quantity', from: '160', to: '150' } });
  });

  it('a partial fill moves quantity and amount together and goes to the broker', () => {
    expect(run({ quantity: '100', amount: '-22575.00' }, {})).toMatchObject({ type: 'quantity_mismatch', cause: 'partial_fill', resolution: { action: 'contact_counterparty' } });
  });

  it('a price 5 % off is a stale price, a price 1.5 % off another source', () => {
    expect(run({}, { price: '237.04' })).toMatchObject({ type: 'price_difference', cause: 'stale_price', resolution: { action: 'correct_entry', field: 'price', from: '237.04', to: '225.75' } });
    expect(run({}, { price: '229.14' })).toMatchObject({ type: 'price_difference', cause: 'price_source_difference' });
  });

  it('a settlement date one cycle off is corrected to the custodian date', () => {
    expect(run({}, { settleDate: '2026-10-15' })).toMatchObject({ type: 'settlement_date_mismatch', cause: 'settlement_cycle_error', resolution: { action: 'correct_entry', field: 'settleDate', from: '2026-10-15', to: '2026-10-14' } });
    expect(run({ description: 'settled after market holiday' }, { settleDate: '2026-10-13' })).toMatchObject({ cause: 'market_holiday' });
  });

  it('an identifier that does not map is a security master error', () => {
    expect(run({}, { ...MSFT })).toMatchObject({ type: 'security_id_mismatch', cause: 'security_master_error', resolution: { action: 'correct_entry', field: 'securityId', from: 'US5949181045', to: 'US0378331005' } });
  });

  it('an FX rate apart moves the amount: match with an FX adjustment', () => {
    expect(run({}, { fxRate: '1.0150', amount: '-34370.44' })).toMatchObject({ type: 'fx_difference', cause: 'fx_rate_source', resolution: { action: 'match_with_adjustment', account: 'fx_gain_loss', amount: '507.94', currency: 'USD' } });
  });

  it('an unbooked 2:1 split doubles the custodian quantity at half the price', () => {
    const position = { kind: 'position' as const, reference: undefined, tradeDate: undefined, settleDate: undefined, amount: '33862.50', quantity: '150' };
    expect(run({ ...position, quantity: '300', price: '112.8750', description: 'STOCK SPLIT 2:1' }, { ...position, description: 'Position' })).toMatchObject({
      type: 'corporate_action',
      cause: 'split_unbooked',
      resolution: { action: 'correct_entry', field: 'quantity', from: '150', to: '300' },
    });
  });

  it('dividends net of another withholding rate are taken up with the custodian', () => {
    const income = { kind: 'income' as const, amount: '700.00', quantity: '150' };
    expect(run({ ...income, description: 'DIVIDEND NET 30% WHT' }, { ...income, amount: '850.00', description: 'Dividend' })).toMatchObject({ type: 'income_difference', cause: 'withholding_tax_rate', resolution: { action: 'contact_counterparty' } });
    // The rates show in the amounts even without the words.
    expect(run({ ...income, description: 'Dividend' }, { ...income, amount: '850.00', description: 'Dividend' })).toMatchObject({ cause: 'withholding_tax_rate' });
  });

  it('accrued interest under another day count is adjusted to interest income', () => {
    const coupon = { kind: 'income' as const, quantity: '150' };
    expect(run({ ...coupon, amount: '986.30', description: 'Accrued interest' }, { ...coupon, amount: '1000.00', description: 'Accrued interest' })).toMatchObject({
      type: 'income_difference',
      cause: 'day_count_convention',
      resolution: { action: 'match_with_adjustment', account: 'interest_income', amount: '-13.70' },
    });
  });
});

describe('one-sided securities records', () => {
  it('a settled trade missing from the books is posted to suspense', () => {
    const ctx = contextOf({ domain: 'securities', external: [{ id: 'e1', ...buy }] });
    const c = classifyByRules(ctx);
    const r = rootCauseByRules(ctx, c);
    expect([c.type, r.cause]).toEqual(['missing_internal', 'trade_not_booked']);
    expect(suggestByRules(ctx, c, r).resolution).toMatchObject({ action: 'post_journal', account: 'suspense', amount: '-33862.50', currency: 'USD' });
  });

  it('a booked trade that never settled goes to the custodian; a recent one is pending', () => {
    const old = contextOf({ domain: 'securities', internal: [{ id: 'i1', ...buy }] });
    const c = classifyByRules(old);
    expect([c.type, rootCauseByRules(old, c).cause]).toEqual(['missing_external', 'trade_not_settled']);
    const recent = contextOf({ domain: 'securities', internal: [{ id: 'i1', ...buy, date: '2026-10-29', tradeDate: '2026-10-29', settleDate: '2026-11-02' }] });
    const t = classifyByRules(recent);
    expect([t.type, rootCauseByRules(recent, t).cause, suggestByRules(recent, t, rootCauseByRules(recent, t)).resolution.action]).toEqual(['timing_difference', 'pending_settlement', 'carry_forward']);
  });
});
