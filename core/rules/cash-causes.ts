/**
 * Root causes of the types that occur on cash and securities accounts alike,
 * each chosen among the taxonomy's causes of that type from the break's facts.
 * Confidences are conditional on the type being right.
 */
import { toEpochDay } from '../dates/iso-date.ts';
import { normalizeReference } from '../records/normalize-reference.ts';
import { decimalShift, exactPercent, simpleFraction, transposition } from './amount-arithmetic.ts';
import type { BreakFacts } from './break-facts.ts';
import { hasFamily } from './narrative-keywords.ts';
import { DISCOUNT_TENTHS } from './pair-rules.ts';
import { compareReferences } from './reference-compare.ts';
import { causeVerdict, type CauseVerdict } from './verdict.ts';

const isTrade = (facts: BreakFacts) => [...facts.ext, ...facts.int].some((r) => r.record.kind === 'trade' || (r.record.securityId !== undefined && r.record.kind !== 'income'));
const unknown = (why: string): CauseVerdict => causeVerdict('unknown', 0.3, 'cause.unknown', why);

export function timingCause(facts: BreakFacts): CauseVerdict {
  if (facts.ext.length > 0 && facts.int.length > 0) {
    const window = facts.ctx.config.dateWindowDays;
    // The books used the value date where the bank shows the booking date (or the reverse).
    const byValueDate = facts.ext.some((e) => facts.int.some((i) => {
      const ev = e.record.valueDate;
      const iv = i.record.valueDate;
      return (ev !== undefined && Math.abs(toEpochDay(ev) - toEpochDay(i.record.date)) <= window && ev !== e.record.date) || (iv !== undefined && Math.abs(toEpochDay(iv) - toEpochDay(e.record.date)) <= window && iv !== i.record.date);
    }));
    if (byValueDate) return causeVerdict('value_date_difference', 0.75, 'cause.timing.value_date', 'One side booked on the value date, the other on the booking date.');
    return causeVerdict('posting_lag', 0.92, 'cause.timing.posting_lag', `One side booked the item ${facts.dateGap} days after the other.`);
  }
  const settlesLater = [...facts.ext, ...facts.int].some((r) => r.record.settleDate !== undefined && r.record.settleDate > facts.ctx.asOf);
  if (isTrade(facts) || settlesLater) return causeVerdict('pending_settlement', 0.85, 'cause.timing.pending_settlement', 'The trade is still inside its settlement cycle.');
  if (facts.int.length > 0) {
    if (facts.sumInt > 0n) return causeVerdict('deposit_in_transit', 0.92, 'cause.timing.in_transit', 'A receipt booked in the books that the bank has not credited yet.');
    const cheque = hasFamily(facts.intFlags, 'cheque');
    return causeVerdict('outstanding_payment', cheque ? 0.9 : 0.82, 'cause.timing.outstanding', 'A payment booked in the books that has not cleared the bank yet.');
  }
  return causeVerdict('posting_lag', 0.7, 'cause.timing.not_yet_posted', 'The statement shows the item; the books have not posted it yet.');
}

export function feeCause(facts: BreakFacts): CauseVerdict {
  const flags = facts.extFlags | facts.intFlags;
  if (hasFamily(flags, 'custody')) return causeVerdict('custody_fee', 0.9, 'cause.fee.custody', 'The text names a custody or safekeeping fee.');
  const brokerage = hasFamily(flags, 'commission') && (facts.securities || !hasFamily(flags, 'fee'));
  if (brokerage) return causeVerdict('commission', 0.82, 'cause.fee.commission', 'The text names a brokerage commission.');
  return causeVerdict('bank_service_charge', hasFamily(flags, 'fee') ? 0.9 : 0.6, 'cause.fee.service_charge', 'A bank service or account charge.');
}

export function interestCause(facts: BreakFacts): CauseVerdict {
  const amount = facts.ext.length > 0 ? facts.sumExt : -facts.sumInt;
  if (amount > 0n) return causeVerdict('interest_credited', hasFamily(facts.flags, 'interestDebit') ? 0.6 : 0.93, 'cause.interest.credited', 'Interest paid into the account.');
  if (amount < 0n) return causeVerdict('interest_charged', hasFamily(facts.flags, 'interestCredit') ? 0.6 : 0.93, 'cause.interest.charged', 'Interest charged to the account.');
  return unknown('The interest amount is zero.');
}

export function feeDeductionCause(facts: BreakFacts): CauseVerdict {
  if (hasFamily(facts.flags, 'cardSettlement')) return causeVerdict('processor_fee_netted', 0.85, 'cause.fee_deduction.processor', 'A card or payment processor settled net of its fee.');
  return causeVerdict('wire_fee_deducted', 0.9, 'cause.fee_deduction.wire', 'A bank in the payment chain took its fee from the transfer.');
}

export function fxCause(facts: BreakFacts): CauseVerdict {
  if (hasFamily(facts.flags, 'spread')) return causeVerdict('conversion_spread', 0.75, 'cause.fx.spread', 'The text mentions a spread or margin on the conversion.');
  return causeVerdict('fx_rate_source', 0.85, 'cause.fx.rate_source', 'The two sides converted at rates from different sources or times.');
}

export function amountMismatchCause(facts: BreakFacts): CauseVerdict {
  const e = facts.sumExt;
  const i = facts.sumInt;
  if (facts.ext.length === 0 || facts.int.length === 0 || facts.currency === null) return unknown('There is no pair of amounts in one currency to compare.');
  const swapped = transposition(e, i, facts.units);
  if (swapped) return causeVerdict('transposition_error', swapped === 'swap' ? 0.93 : 0.6, `cause.amount.${swapped}`, 'Digits were swapped when the amount was keyed.');
  if (decimalShift(e, i, facts.units) !== undefined) return causeVerdict('decimal_shift', 0.9, 'cause.amount.decimal_shift', 'The amount was keyed with the decimal point in the wrong place.');
  if (e < 0n !== i < 0n) return unknown('The two sides move in opposite directions by different amounts.');
  const short = e < 0n ? e > i : e < i;
  const receiptShort = i > 0n && e < i;
  const discountWords = hasFamily(facts.flags, 'discount');
  if (receiptShort && (discountWords ? exactPercent(e - i, i, facts.units, DISCOUNT_TENTHS) !== undefined : exactPercent(e - i, i, facts.units, [20, 30]) !== undefined)) {
    return causeVerdict('early_payment_discount', discountWords ? 0.9 : 0.55, 'cause.amount.discount', 'The customer took an early payment discount.');
  }
  if (receiptShort && discountWords) return causeVerdict('early_payment_discount', 0.7, 'cause.amount.discount_words', 'The text mentions a discount.');
  if (short) {
    const fraction = simpleFraction(e, i, facts.units);
    return causeVerdict('partial_payment', fraction ? 0.92 : 0.75, 'cause.amount.partial', fraction ? `The counterparty paid ${fraction} of the amount.` : 'The counterparty paid less than the amount booked.');
  }
  return causeVerdict('overpayment', 0.7, 'cause.amount.overpayment', 'The counterparty paid more than the amount booked.');
}

export function duplicateCause(facts: BreakFacts): CauseVerdict {
  return facts.int.length > 0
    ? causeVerdict('double_posting', 0.85, 'cause.duplicate.books', 'The same entry was booked twice in the ledger.')
    : causeVerdict('duplicate_import', 0.85, 'cause.duplicate.statement', 'The same statement line was imported twice.');
}

export function aggregateCause(facts: BreakFacts): CauseVerdict {
  const [one, many] = facts.ext.length === 1 ? [facts.ext, facts.int] : [facts.int, facts.ext];
  const anchor = normalizeReference(one[0]?.record.reference);
  const sharesInvoice = anchor.length >= 3 && many.some((r) => normalizeReference(r.record.reference).startsWith(anchor));
  if (sharesInvoice || hasFamily(facts.flags, 'partial')) return causeVerdict('instalment_payment', 0.92, 'cause.aggregate.instalments', 'One invoice settled in several payments.');
  if (facts.ext.length === 1 && facts.int.length > 1) return causeVerdict('batch_deposit', hasFamily(facts.flags, 'batch') ? 0.93 : 0.88, 'cause.aggregate.batch', 'Several items credited or debited by the bank as one amount.');
  if (facts.ext.length > 1 && facts.int.length === 1) return causeVerdict('instalment_payment', 0.6, 'cause.aggregate.many_payments', 'Several payments against one book entry.');
  return unknown('Several items on both sides: neither a batch nor instalments.');
}

export function missingInternalCause(facts: BreakFacts): CauseVerdict {
  if (isTrade(facts)) return causeVerdict('trade_not_booked', 0.88, 'cause.missing_internal.trade', 'A trade settled at the custodian but not booked.');
  if (hasFamily(facts.extFlags, 'ownTransfer')) return causeVerdict('unbooked_transfer_leg', 0.8, 'cause.missing_internal.transfer', 'One leg of a transfer between own accounts is missing from the books.');
  if (facts.sumExt > 0n) return causeVerdict('unrecorded_receipt', 0.9, 'cause.missing_internal.receipt', 'Money received that the books have not recorded.');
  if (facts.sumExt < 0n) return causeVerdict('unrecorded_direct_debit', hasFamily(facts.extFlags, 'directDebit') ? 0.88 : 0.68, 'cause.missing_internal.direct_debit', 'A debit collected from the account that the books have not recorded.');
  return unknown('A zero amount on the statement.');
}

export function missingExternalCause(facts: BreakFacts): CauseVerdict {
  if (isTrade(facts)) return causeVerdict('trade_not_settled', 0.85, 'cause.missing_external.trade', 'A booked trade that has not settled at the custodian.');
  if (hasFamily(facts.intFlags, 'erroneous')) return causeVerdict('erroneous_booking', 0.8, 'cause.missing_external.error_words', 'The entry is described as an error or test.');
  if (hasFamily(facts.intFlags, 'paymentOrder') || hasFamily(facts.intFlags, 'cheque')) return causeVerdict('payment_not_executed', 0.7, 'cause.missing_external.order', 'A payment order booked in the books that the bank never executed.');
  return causeVerdict('erroneous_booking', 0.7, 'cause.missing_external.default', 'Nothing on the statement corresponds to the entry, long past its clearing window.');
}

export function reversalCause(facts: BreakFacts): CauseVerdict {
  if (hasFamily(facts.flags, 'chargeback')) return causeVerdict('chargeback', 0.9, 'cause.reversal.chargeback', 'A card payment was charged back.');
  return causeVerdict('payment_returned', hasFamily(facts.flags, 'returned') ? 0.9 : 0.65, 'cause.reversal.returned', 'A collection or payment was returned.');
}

export function referenceCause(facts: BreakFacts): CauseVerdict {
  const e = facts.ext[0]?.record;
  const i = facts.int[0]?.record;
  if (!e || !i) return unknown('No pair of records to compare references on.');
  const relation = compareReferences(e.reference, i.reference);
  if (relation === 'truncated') return causeVerdict('reference_truncated', 0.9, 'cause.reference.truncated', 'One reference is the start of the other: cut short by a field length limit.');
  if (relation === 'typo') return causeVerdict('reference_typo', 0.88, 'cause.reference.typo', 'The references differ by one or two characters.');
  const partyDiffers = normalizeReference(e.counterparty) !== normalizeReference(i.counterparty);
  if ((relation === 'equal' || relation === 'missing') && partyDiffers) return causeVerdict('counterparty_alias', 0.8, 'cause.reference.alias', 'The counterparty appears under a different name on each side.');
  return unknown('The references are unrelated; only amount and date agree.');
}
