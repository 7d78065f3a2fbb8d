/**
 * The suggestion agent's rules path: the contract's resolution for the type
 * and cause found (conventions of taxonomy.md, "Resolutions by cause"), built
 * from the break's own records and amounts. An action the type does not
 * allow, or one that cannot be built from the records, becomes `escalate`.
 */
import type { Classification, ResolutionProposal, RootCauseFinding } from '../breaks/agent-outputs.ts';
import type { BreakContext } from '../breaks/break-context.ts';
import { isActionAllowed } from '../taxonomy/actions.ts';
import type { BreakType } from '../taxonomy/break-types.ts';
import type { RootCause } from '../taxonomy/root-causes.ts';
import { breakFacts, formatAmount, type BreakFacts } from './break-facts.ts';
import { carryForward, confirm, contact, correctEntry, escalate, matchWithAdjustment, postJournal, type Proposal } from './resolution-builders.ts';
import { clampConfidence } from './verdict.ts';

/** A short name for the item in messages: its reference and security, cut to stay readable (references may be long). */
const describeItem = (facts: BreakFacts) => {
  const r = facts.ext[0]?.record ?? facts.int[0]?.record;
  const name = r ? [r.reference, r.securityId].filter(Boolean).join(' ') || r.id : 'the item';
  return name.length > 60 ? `${name.slice(0, 57)}...` : name;
};

/** Record ids for a message, the first ten and a count of the rest, so a large group stays within the reason's length. */
function listIds(facts: BreakFacts): string {
  const all = [...facts.ext, ...facts.int].map((r) => (r.record.id.length > 60 ? `${r.record.id.slice(0, 57)}...` : r.record.id));
  return all.length > 10 ? `${all.slice(0, 10).join(', ')} and ${all.length - 10} more` : all.join(', ');
}

function amountMismatch(facts: BreakFacts, cause: RootCause): Proposal {
  const cur = facts.currency ?? '';
  const received = formatAmount(facts.sumExt, facts.currency);
  const booked = formatAmount(facts.sumInt, facts.currency);
  switch (cause) {
    case 'partial_payment':
      return contact(`Only ${received} ${cur} of ${booked} ${cur} settled for ${describeItem(facts)}; please settle the remaining ${formatAmount(-facts.difference, facts.currency)} ${cur}.`);
    case 'overpayment':
      return contact(`${received} ${cur} settled for ${describeItem(facts)} against ${booked} ${cur} due; please confirm whether the excess of ${formatAmount(facts.difference, facts.currency)} ${cur} is to be refunded or credited.`);
    case 'transposition_error':
    case 'decimal_shift':
      return correctEntry(facts, 'amount') ?? escalate('The keying error cannot be corrected on a single book entry.');
    case 'early_payment_discount':
      return matchWithAdjustment(facts, 'discounts_allowed');
    default:
      return escalate(`The amounts differ by ${formatAmount(facts.difference, facts.currency)} ${cur} for no reason the records show.`, 0.6);
  }
}

function missingInternal(facts: BreakFacts, cause: RootCause): Proposal {
  if (cause === 'unrecorded_receipt') return postJournal(facts, 'accounts_receivable', 'Unrecorded receipt');
  if (cause === 'unrecorded_direct_debit') return postJournal(facts, 'accounts_payable', 'Unrecorded direct debit');
  if (cause === 'trade_not_booked') return postJournal(facts, 'suspense', 'Trade not booked');
  if (cause === 'unbooked_transfer_leg') return postJournal(facts, 'suspense', 'Transfer leg not booked');
  return postJournal(facts, 'suspense', 'Unidentified statement item', 0.6);
}

function missingExternal(facts: BreakFacts, cause: RootCause): Proposal {
  if (cause === 'erroneous_booking' && facts.int.length === 1 && facts.ext.length === 0) {
    const id = facts.int[0]!.record.id;
    return { resolution: { action: 'reverse_entry', recordId: id }, confidence: 0.95, rationale: `Reverse book entry ${id}: nothing on the statement corresponds to it.` };
  }
  if (cause === 'trade_not_settled') return contact(`Trade ${describeItem(facts)} has not settled at the custodian; please confirm its status.`);
  if (cause === 'payment_not_executed') return escalate(`Payment ${describeItem(facts)} was booked but never executed by the bank; decide whether to re-issue or cancel it.`, 0.95);
  return escalate('An entry in the books has no counterpart on the statement and no evident reason.', 0.6);
}

function securitiesCorrection(facts: BreakFacts, field: 'quantity' | 'price' | 'settleDate' | 'securityId', what: string): Proposal {
  return correctEntry(facts, field) ?? contact(`The ${what} of ${describeItem(facts)} differs between the custodian and the books; please confirm the right value.`, 0.6);
}

function resolutionFor(facts: BreakFacts, type: BreakType, cause: RootCause): Proposal {
  switch (type) {
    case 'timing_difference':
      return facts.ext.length > 0 && facts.int.length > 0 ? confirm(facts) : carryForward(facts);
    case 'unbooked_fee':
      return postJournal(facts, cause === 'custody_fee' || cause === 'commission' ? 'custody_fees' : 'bank_charges', 'Bank charge');
    case 'unbooked_interest': {
      const credited = cause === 'interest_credited' || (cause !== 'interest_charged' && facts.difference > 0n);
      return postJournal(facts, credited ? 'interest_income' : 'interest_expense', credited ? 'Interest credited' : 'Interest charged');
    }
    case 'fee_deduction':
      return matchWithAdjustment(facts, 'bank_charges');
    case 'rounding_difference':
      return matchWithAdjustment(facts, 'rounding');
    case 'fx_difference':
      return matchWithAdjustment(facts, 'fx_gain_loss');
    case 'amount_mismatch':
      return amountMismatch(facts, cause);
    case 'sign_error':
      return correctEntry(facts, 'amount') ?? escalate('The sign cannot be corrected on a single book entry.');
    case 'duplicate_entry': {
      const copy = facts.int.length === 1 && facts.ext.length === 0 ? facts.int[0]!.record.id : undefined;
      if (copy) return { resolution: { action: 'reverse_entry', recordId: copy }, confidence: 0.95, rationale: `Reverse book entry ${copy}, the later copy of an entry booked twice.` };
      return escalate('A statement line appears twice: remove the duplicate import rather than booking against it.', 0.8);
    }
    case 'split_or_aggregate':
      return confirm(facts);
    case 'missing_internal':
      return missingInternal(facts, cause);
    case 'missing_external':
      return missingExternal(facts, cause);
    case 'reversal':
      // A returned collection takes money back out (a debit): the customer owes it again.
      return facts.difference < 0n ? postJournal(facts, 'accounts_receivable', 'Returned collection') : postJournal(facts, 'accounts_payable', 'Returned payment');
    case 'reference_mismatch':
      return confirm(facts);
    case 'ambiguous_match': {
      return escalate(`Records ${listIds(facts)} have equally good counterparts; a reviewer has to choose which belong together.`, 0.95);
    }
    case 'quantity_mismatch':
      return cause === 'partial_fill' ? contact(`Only part of the order for ${describeItem(facts)} was filled; please confirm the executed quantity.`, 0.8) : securitiesCorrection(facts, 'quantity', 'quantity');
    case 'price_difference':
      return securitiesCorrection(facts, 'price', 'price');
    case 'settlement_date_mismatch':
      return correctEntry(facts, 'settleDate') ?? escalate('The settlement date cannot be corrected on a single book entry.');
    case 'security_id_mismatch':
      return correctEntry(facts, 'securityId') ?? escalate('The identifier cannot be corrected on a single book entry.');
    case 'income_difference':
      if (cause === 'withholding_tax_rate') return contact(`Income on ${describeItem(facts)} was paid net of a different withholding tax rate than booked; please confirm the rate applied or reclaim the excess.`);
      if (cause === 'day_count_convention' || cause === 'accrual_period') return matchWithAdjustment(facts, 'interest_income');
      return escalate('The income amounts differ for no reason the records show.', 0.6);
    case 'corporate_action':
      if (facts.int.length === 0) return postJournal(facts, 'suspense', 'Corporate action', 0.6);
      return correctEntry(facts, 'quantity') ?? escalate('The corporate action cannot be booked as a single correction.', 0.6);
  }
}

export function suggestByRules(ctx: BreakContext, classification: Classification, rootCause: RootCauseFinding): ResolutionProposal {
  const facts = breakFacts(ctx);
  let proposal = resolutionFor(facts, classification.type, rootCause.cause);
  if (!isActionAllowed(classification.type, proposal.resolution.action)) {
    proposal = escalate(`The usual resolution (${proposal.resolution.action}) is not allowed for a ${classification.type.replace(/_/g, ' ')}.`);
  }
  return { breakId: ctx.id, resolution: proposal.resolution, confidence: clampConfidence(proposal.confidence), rationale: proposal.rationale };
}
