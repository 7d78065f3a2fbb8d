/**
 * One scenario per cash break type of the taxonomy (plus clean matches), each
 * adding records and their truth — type, cause and exact resolution — to a
 * case, following the conventions of the taxonomy contract.
 */
import { addDays } from '../../core/dates/iso-date.ts';
import { currencyMinorUnits } from '../../core/money/currency.ts';
import { multiplyDecimal, parseDecimal } from '../../core/money/decimal.ts';
import { addAmounts, fromMinorUnits, negateAmount, subtractAmounts, toMinorUnits } from '../../core/money/money.ts';
import type { CaseBuilder } from './case-builder.ts';
import { wholeDigits } from './currency-amounts.ts';
import { COMPANIES, FEE_TEXTS, INTEREST_TEXTS, PAYMENT_TEXTS, RECEIPT_TEXTS, RETURN_TEXTS } from './narratives.ts';

export type Scenario = (b: CaseBuilder) => void;

const signed = (b: CaseBuilder, amount: string) => (b.random.chance(0.5) ? amount : negateAmount(amount));
const text = (b: CaseBuilder, amount: string, ref: string) => `${b.random.pick(amount.startsWith('-') ? PAYMENT_TEXTS : RECEIPT_TEXTS)} ${ref}`;

export const matched: Scenario = (b) => {
  const amount = signed(b, b.amount(1_000, 2_000_000));
  const ref = b.reference();
  const counterparty = b.random.pick(COMPANIES);
  const date = b.settledDate();
  const e = b.ext({ date, valueDate: date, amount, reference: ref, counterparty, description: text(b, amount, ref) });
  // The books often record the item a few days before the bank does.
  const i = b.int({ date: addDays(date, -b.random.int(0, 3)), amount, reference: ref, counterparty, description: `Invoice ${ref}` });
  b.match([e], [i]);
};

export const timingInTransit: Scenario = (b) => {
  const amount = b.amount(5_000, 500_000);
  const ref = b.reference('SO');
  const i = b.int({ date: b.date(b.random.int(0, 4)), amount, reference: ref, counterparty: b.random.pick(COMPANIES), description: `Receipt ${ref}` });
  b.break({ external: [], internal: [i], type: 'timing_difference', cause: 'deposit_in_transit', resolution: { action: 'carry_forward' } });
};

export const timingPostingLag: Scenario = (b) => {
  const amount = signed(b, b.amount(5_000, 500_000));
  const ref = b.reference();
  const counterparty = b.random.pick(COMPANIES);
  const e = b.ext({ date: b.date(b.random.int(6, 9)), amount, reference: ref, counterparty, description: text(b, amount, ref) });
  const i = b.int({ date: b.date(b.random.int(17, 25)), amount, reference: ref, counterparty, description: `Invoice ${ref}` });
  b.break({ external: [e], internal: [i], type: 'timing_difference', cause: 'posting_lag', resolution: { action: 'confirm_match', external: [e], internal: [i] } });
};

export const unbookedFee: Scenario = (b) => {
  const amount = negateAmount(b.amount(100, 5_000));
  const e = b.ext({ date: b.date(b.random.int(0, 20)), amount, description: b.random.pick(FEE_TEXTS) });
  b.break({ external: [e], internal: [], type: 'unbooked_fee', cause: 'bank_service_charge', resolution: { action: 'post_journal', account: 'bank_charges', amount, currency: b.currency } });
};

export const unbookedInterest: Scenario = (b) => {
  const amount = b.amount(1, 20_000);
  const e = b.ext({ date: b.date(b.random.int(0, 20)), amount, description: b.random.pick(INTEREST_TEXTS) });
  b.break({ external: [e], internal: [], type: 'unbooked_interest', cause: 'interest_credited', resolution: { action: 'post_journal', account: 'interest_income', amount, currency: b.currency } });
};

function pair(b: CaseBuilder, extAmount: string, intAmount: string, ref = b.reference()) {
  const counterparty = b.random.pick(COMPANIES);
  const date = b.settledDate();
  const e = b.ext({ date, amount: extAmount, reference: ref, counterparty, description: text(b, extAmount, ref) });
  const i = b.int({ date, amount: intAmount, reference: ref, counterparty, description: `Invoice ${ref}` });
  return { e, i };
}

export const feeDeduction: Scenario = (b) => {
  const gross = b.amount(50_000, 2_000_000);
  const fee = b.scaled(b.random.pick(['10.00', '15.00', '20.00', '25.00']));
  const { e, i } = pair(b, subtractAmounts(gross, fee), gross);
  b.break({ external: [e], internal: [i], type: 'fee_deduction', cause: 'wire_fee_deducted', resolution: { action: 'match_with_adjustment', external: [e], internal: [i], account: 'bank_charges', amount: negateAmount(fee), currency: b.currency } });
};

export const rounding: Scenario = (b) => {
  const amount = b.amount(10_000, 1_000_000);
  // Rounding is counted in minor units (the contract's tolerance is 2 of them), whatever the currency.
  const delta = b.minor(b.random.pick([1, -1, 2, -2]));
  const { e, i } = pair(b, addAmounts(amount, delta), amount);
  b.break({ external: [e], internal: [i], type: 'rounding_difference', cause: 'rounding', resolution: { action: 'match_with_adjustment', external: [e], internal: [i], account: 'rounding', amount: delta, currency: b.currency } });
};

export const fxRateDifference: Scenario = (b) => {
  const booked = b.amount(100_000, 2_000_000);
  // The bank converted at a rate 0.5–1.5 % away from the one the books used.
  const rate = b.random.pick(['0.9950', '1.0060', '1.0120', '0.9880']);
  const received = b.round(multiplyDecimal(parseDecimal(booked), parseDecimal(rate)));
  const { e, i } = pair(b, received, booked);
  b.break({ external: [e], internal: [i], type: 'fx_difference', cause: 'fx_rate_source', resolution: { action: 'match_with_adjustment', external: [e], internal: [i], account: 'fx_gain_loss', amount: subtractAmounts(received, booked), currency: b.currency } });
};

export const partialPayment: Scenario = (b) => {
  const invoiced = b.amount(100_000, 1_000_000);
  // Half the invoice, rounded down to whole units: integer arithmetic on minor units.
  const unit = 10n ** BigInt(currencyMinorUnits(b.currency));
  const paid = fromMinorUnits((toMinorUnits(invoiced, b.currency) / unit / 2n) * unit, b.currency);
  const { e, i } = pair(b, paid, invoiced);
  b.break({ external: [e], internal: [i], type: 'amount_mismatch', cause: 'partial_payment', resolution: { action: 'contact_counterparty', message: `Only ${paid} of ${invoiced} received; please pay the remaining balance.` } });
};

export const transposition: Scenario = (b) => {
  // Four whole digits in a euro-like currency, more in yen, fewer in dinars; the second and third are swapped.
  const digits = wholeDigits(b.currency);
  const whole = String(b.random.int(10 ** (digits - 1), 10 ** digits - 1));
  const swapped = whole[0]! + whole[2]! + whole[1]! + whole.slice(3);
  if (swapped === whole) return partialPayment(b);
  const unit = 10n ** BigInt(currencyMinorUnits(b.currency));
  const [paid, booked] = [whole, swapped].map((w) => fromMinorUnits(-BigInt(w) * unit, b.currency)) as [string, string];
  const { e, i } = pair(b, paid, booked);
  b.break({ external: [e], internal: [i], type: 'amount_mismatch', cause: 'transposition_error', resolution: { action: 'correct_entry', recordId: i, field: 'amount', from: booked, to: paid } });
};

export const signError: Scenario = (b) => {
  const amount = b.amount(10_000, 500_000);
  const { e, i } = pair(b, negateAmount(amount), amount);
  b.break({ external: [e], internal: [i], type: 'sign_error', cause: 'debit_credit_swapped', resolution: { action: 'correct_entry', recordId: i, field: 'amount', from: amount, to: negateAmount(amount) } });
};

export const duplicateBooking: Scenario = (b) => {
  const amount = negateAmount(b.amount(10_000, 500_000));
  const ref = b.reference('PO');
  const counterparty = b.random.pick(COMPANIES);
  const date = b.settledDate();
  const e = b.ext({ date, amount, reference: ref, counterparty, description: text(b, amount, ref) });
  const i1 = b.int({ date, amount, reference: ref, counterparty, description: `Supplier payment ${ref}` });
  const i2 = b.int({ date: addDays(date, b.random.int(0, 2)), amount, reference: ref, counterparty, description: `Supplier payment ${ref}` });
  b.match([e], [i1]);
  b.break({ external: [], internal: [i2], type: 'duplicate_entry', cause: 'double_posting', resolution: { action: 'reverse_entry', recordId: i2 } });
};

export const batchDeposit: Scenario = (b) => {
  const counterparty = b.random.pick(COMPANIES);
  const parts = [b.amount(10_000, 300_000), b.amount(10_000, 300_000), b.amount(10_000, 300_000)].slice(0, b.random.int(2, 3));
  const total = parts.reduce(addAmounts);
  const date = b.settledDate();
  const e = b.ext({ date, amount: total, counterparty, description: `${b.random.pick(RECEIPT_TEXTS)} SAMMLER ${counterparty}` });
  const ints = parts.map((p) => b.int({ date, amount: p, reference: b.reference('SO'), counterparty, description: 'Receipt' }));
  b.break({ external: [e], internal: ints, type: 'split_or_aggregate', cause: 'batch_deposit', resolution: { action: 'confirm_match', external: [e], internal: ints } });
};

export const unrecordedReceipt: Scenario = (b) => {
  const amount = b.amount(10_000, 900_000);
  const e = b.ext({ date: b.date(b.random.int(8, 25)), amount, counterparty: b.random.pick(COMPANIES), description: b.random.pick(RECEIPT_TEXTS) });
  b.break({ external: [e], internal: [], type: 'missing_internal', cause: 'unrecorded_receipt', resolution: { action: 'post_journal', account: 'accounts_receivable', amount, currency: b.currency } });
};

export const erroneousBooking: Scenario = (b) => {
  const amount = negateAmount(b.amount(10_000, 400_000));
  const i = b.int({ date: b.date(b.random.int(8, 25)), amount, reference: b.reference('PO'), counterparty: b.random.pick(COMPANIES), description: 'Supplier payment' });
  b.break({ external: [], internal: [i], type: 'missing_external', cause: 'erroneous_booking', resolution: { action: 'reverse_entry', recordId: i } });
};

export const returnedCollection: Scenario = (b) => {
  const amount = b.amount(5_000, 300_000);
  const ref = b.reference('SO');
  const counterparty = b.random.pick(COMPANIES);
  const date = b.date(b.random.int(12, 25));
  const e = b.ext({ date, amount, reference: ref, counterparty, description: `${b.random.pick(RECEIPT_TEXTS)} ${ref}` });
  const i = b.int({ date, amount, reference: ref, counterparty, description: `Receipt ${ref}` });
  const r = b.ext({ date: b.date(b.random.int(1, 8)), amount: negateAmount(amount), counterparty, description: `${b.random.pick(RETURN_TEXTS)} ${ref}` });
  b.match([e], [i]);
  b.break({ external: [r], internal: [], type: 'reversal', cause: 'payment_returned', resolution: { action: 'post_journal', account: 'accounts_receivable', amount: negateAmount(amount), currency: b.currency } });
};

export const referenceTypo: Scenario = (b) => {
  const amount = signed(b, b.amount(10_000, 900_000));
  const ref = b.reference();
  const typo = `${ref.slice(0, -2)}${ref.slice(-1)}${ref.slice(-2, -1)}`;
  if (typo === ref) return matched(b);
  const counterparty = b.random.pick(COMPANIES);
  const date = b.settledDate();
  const e = b.ext({ date, amount, reference: typo, counterparty, description: text(b, amount, typo) });
  const i = b.int({ date, amount, reference: ref, counterparty, description: `Invoice ${ref}` });
  b.break({ external: [e], internal: [i], type: 'reference_mismatch', cause: 'reference_typo', resolution: { action: 'confirm_match', external: [e], internal: [i] } });
};

export const referenceTruncated: Scenario = (b) => {
  const amount = signed(b, b.amount(10_000, 900_000));
  const ref = `${b.reference()}${b.random.int(100, 999)}`;
  // The bank's field length cut the end of the reference off.
  const cut = ref.slice(0, ref.length - 3);
  const counterparty = b.random.pick(COMPANIES);
  const date = b.settledDate();
  const e = b.ext({ date, amount, reference: cut, counterparty, description: text(b, amount, cut) });
  const i = b.int({ date, amount, reference: ref, counterparty, description: `Invoice ${ref}` });
  b.break({ external: [e], internal: [i], type: 'reference_mismatch', cause: 'reference_truncated', resolution: { action: 'confirm_match', external: [e], internal: [i] } });
};

export const instalments: Scenario = (b) => {
  const invoice = b.reference();
  const counterparty = b.random.pick(COMPANIES);
  const first = b.amount(10_000, 300_000);
  const second = b.amount(10_000, 300_000);
  const date = b.settledDate();
  const e1 = b.ext({ date, amount: first, reference: `${invoice} RATE 1`, counterparty, description: `${b.random.pick(RECEIPT_TEXTS)} ${invoice} 1/2` });
  const e2 = b.ext({ date: addDays(date, 1), amount: second, reference: `${invoice} RATE 2`, counterparty, description: `${b.random.pick(RECEIPT_TEXTS)} ${invoice} 2/2` });
  const i = b.int({ date, amount: addAmounts(first, second), reference: invoice, counterparty, description: `Invoice ${invoice}` });
  b.break({ external: [e1, e2], internal: [i], type: 'split_or_aggregate', cause: 'instalment_payment', resolution: { action: 'confirm_match', external: [e1, e2], internal: [i] } });
};

export const ambiguous: Scenario = (b) => {
  const amount = negateAmount(b.amount(1_000, 20_000));
  const date = b.settledDate();
  const e = b.ext({ date, amount, description: 'CARD PAYMENT' });
  const i1 = b.int({ date, amount, description: 'Office supplies' });
  const i2 = b.int({ date, amount, description: 'Team lunch' });
  b.break({ external: [e], internal: [i1, i2], type: 'ambiguous_match', cause: 'identical_candidates', resolution: { action: 'escalate', reason: 'Two ledger entries fit this card payment equally well.' } });
};

/** Every cash scenario that injects a break, by name. */
export const CASH_BREAK_SCENARIOS: Readonly<Record<string, Scenario>> = {
  timingInTransit,
  timingPostingLag,
  unbookedFee,
  unbookedInterest,
  feeDeduction,
  fxRateDifference,
  rounding,
  partialPayment,
  transposition,
  signError,
  duplicateBooking,
  batchDeposit,
  unrecordedReceipt,
  erroneousBooking,
  returnedCollection,
  referenceTypo,
  referenceTruncated,
  instalments,
  ambiguous,
};
