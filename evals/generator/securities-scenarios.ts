/**
 * Securities scenarios: a clean trade and one scenario per securities break
 * type, with cause and resolution as the taxonomy contract prescribes (the
 * external statement is the reference; corrections change the internal record).
 */
import { addDays } from '../../core/dates/iso-date.ts';
import { formatDecimal, multiplyDecimal, parseDecimal, roundDecimal } from '../../core/money/decimal.ts';
import { addAmounts, negateAmount, subtractAmounts } from '../../core/money/money.ts';
import type { CaseRecord } from '../../core/records/canonical-record.ts';
import type { CaseBuilder } from './case-builder.ts';
import type { Scenario } from './cash-scenarios.ts';

const SECURITIES = [
  { ISIN: 'US0378331005', CUSIP: '037833100' },
  { ISIN: 'US5949181045', CUSIP: '594918104' },
  { ISIN: 'DE0007164600', SEDOL: '4846288' },
  { ISIN: 'GB0002634946', SEDOL: '0263494' },
  { ISIN: 'NL0010273215', SEDOL: 'B929F46' },
] as const;

type Trade = Omit<CaseRecord, 'id' | 'account' | 'currency'>;

function trade(b: CaseBuilder, kind: 'trade' | 'income' = 'trade'): Trade {
  const security = b.random.pick(SECURITIES);
  const quantity = String(b.random.int(1, 200) * 10);
  const price = b.amount(1_000, 90_000);
  const buy = b.random.chance(0.5);
  const gross = b.round(multiplyDecimal(parseDecimal(quantity), parseDecimal(price)));
  const tradeDate = b.settledDate();
  return {
    date: tradeDate,
    tradeDate,
    settleDate: addDays(tradeDate, 2),
    amount: buy ? negateAmount(gross) : gross,
    securityId: security.ISIN,
    securityIdType: 'ISIN',
    securityIds: { ...security },
    quantity: buy ? quantity : negateAmount(quantity),
    price,
    fxRate: '1.0000',
    kind,
    reference: b.reference('T'),
  };
}

export const matchedTrade: Scenario = (b) => {
  const t = trade(b);
  b.match([b.ext(t)], [b.int(t)]);
};

export const quantityMismatch: Scenario = (b) => {
  const t = trade(b);
  // Ten more units booked, whichever the direction.
  const wrong = t.quantity!.startsWith('-') ? subtractAmounts(t.quantity!, '10') : addAmounts(t.quantity!, '10');
  const e = b.ext(t);
  const i = b.int({ ...t, quantity: wrong });
  b.break({ external: [e], internal: [i], type: 'quantity_mismatch', cause: 'booking_error', resolution: { action: 'correct_entry', recordId: i, field: 'quantity', from: wrong, to: t.quantity! } });
};

export const priceDifference: Scenario = (b) => {
  const t = trade(b);
  // Prices are quoted at the currency's decimals here, like the trade's own price.
  const stale = b.round(multiplyDecimal(parseDecimal(t.price!), parseDecimal('1.05')));
  const e = b.ext(t);
  const i = b.int({ ...t, price: stale });
  b.break({ external: [e], internal: [i], type: 'price_difference', cause: 'stale_price', resolution: { action: 'correct_entry', recordId: i, field: 'price', from: stale, to: t.price! } });
};

export const settlementDate: Scenario = (b) => {
  const t = trade(b);
  const wrong = addDays(t.settleDate!, 1);
  const e = b.ext(t);
  const i = b.int({ ...t, settleDate: wrong });
  b.break({ external: [e], internal: [i], type: 'settlement_date_mismatch', cause: 'settlement_cycle_error', resolution: { action: 'correct_entry', recordId: i, field: 'settleDate', from: wrong, to: t.settleDate! } });
};

export const securityIdMismatch: Scenario = (b) => {
  const t = trade(b);
  const other = SECURITIES.find((s) => s.ISIN !== t.securityId)!;
  const e = b.ext(t);
  const i = b.int({ ...t, securityId: other.ISIN, securityIds: { ...other } });
  b.break({ external: [e], internal: [i], type: 'security_id_mismatch', cause: 'security_master_error', resolution: { action: 'correct_entry', recordId: i, field: 'securityId', from: other.ISIN, to: t.securityId! } });
};

export const tradeNotBooked: Scenario = (b) => {
  const t = trade(b);
  const e = b.ext(t);
  b.break({ external: [e], internal: [], type: 'missing_internal', cause: 'trade_not_booked', resolution: { action: 'post_journal', account: 'suspense', amount: t.amount, currency: b.currency } });
};

export const tradeNotSettled: Scenario = (b) => {
  const i = b.int(trade(b));
  b.break({ external: [], internal: [i], type: 'missing_external', cause: 'trade_not_settled', resolution: { action: 'contact_counterparty', message: 'The trade did not settle at the custodian; please confirm its status.' } });
};

export const fxRateBreak: Scenario = (b) => {
  const t = trade(b);
  const rate = '1.0150';
  const converted = b.round(multiplyDecimal(parseDecimal(t.amount), parseDecimal(rate)));
  const e = b.ext(t);
  const i = b.int({ ...t, fxRate: rate, amount: converted });
  b.break({ external: [e], internal: [i], type: 'fx_difference', cause: 'fx_rate_source', resolution: { action: 'match_with_adjustment', external: [e], internal: [i], account: 'fx_gain_loss', amount: subtractAmounts(t.amount, converted), currency: b.currency } });
};

export const withholdingTax: Scenario = (b) => {
  const t = trade(b, 'income');
  const gross = t.amount.replace(/^-/, '');
  const booked = { ...t, amount: gross, quantity: t.quantity!.replace(/^-/, ''), description: 'Dividend' };
  const received = b.round(multiplyDecimal(parseDecimal(gross), parseDecimal('0.70')));
  const e = b.ext({ ...booked, amount: received, description: 'DIVIDEND NET 30% WHT' });
  const i = b.int({ ...booked, amount: b.round(multiplyDecimal(parseDecimal(gross), parseDecimal('0.85'))) });
  b.break({ external: [e], internal: [i], type: 'income_difference', cause: 'withholding_tax_rate', resolution: { action: 'contact_counterparty', message: 'Withholding tax was taken at 30 % instead of the treaty rate of 15 %; please reclaim.' } });
};

export const splitUnbooked: Scenario = (b) => {
  const t = trade(b);
  const position = { ...t, kind: 'position' as const, quantity: t.quantity!.replace(/^-/, ''), amount: t.amount.replace(/^-/, ''), reference: undefined, settleDate: undefined, tradeDate: undefined };
  // A 2-for-1 split: the custodian holds twice the shares at half the price; the books still show the old count.
  const split = addAmounts(position.quantity, position.quantity);
  const halfPrice = formatDecimal(roundDecimal(multiplyDecimal(parseDecimal(position.price!), parseDecimal('0.5')), 4));
  const e = b.ext({ ...position, quantity: split, price: halfPrice, description: 'STOCK SPLIT 2:1' });
  const i = b.int({ ...position, description: 'Position' });
  b.break({ external: [e], internal: [i], type: 'corporate_action', cause: 'split_unbooked', resolution: { action: 'correct_entry', recordId: i, field: 'quantity', from: position.quantity, to: split } });
};

export const SECURITIES_BREAK_SCENARIOS: Readonly<Record<string, Scenario>> = {
  quantityMismatch,
  priceDifference,
  settlementDate,
  securityIdMismatch,
  tradeNotBooked,
  tradeNotSettled,
  fxRateBreak,
  withholdingTax,
  splitUnbooked,
};
