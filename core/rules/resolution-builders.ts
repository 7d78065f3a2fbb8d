/**
 * Building blocks of resolutions, following the taxonomy contract: amounts
 * are sum(external) − sum(internal) in the records' currency with its
 * decimals, `correct_entry` changes the internal record to the external
 * value, and whatever cannot be built safely becomes `escalate`.
 */
import { addDays } from '../dates/iso-date.ts';
import type { AccountRole } from '../taxonomy/account-roles.ts';
import type { CorrectableField, Resolution } from '../taxonomy/actions.ts';
import { isWithinRounding } from './amount-arithmetic.ts';
import { formatAmount, type BreakFacts } from './break-facts.ts';
import { stripInstructions } from './narrative-text.ts';

export interface Proposal {
  readonly resolution: Resolution;
  /** How sure the rules are that this is exactly the resolution, given type and cause. */
  readonly confidence: number;
  readonly rationale: string;
}

export const propose = (resolution: Resolution, confidence: number, rationale: string): Proposal => ({ resolution, confidence, rationale });

const ids = (list: BreakFacts['ext']) => list.map((r) => r.record.id);

export function escalate(reason: string, confidence = 0.5): Proposal {
  return propose({ action: 'escalate', reason }, confidence, reason);
}

export function contact(message: string, confidence = 0.9): Proposal {
  return propose({ action: 'contact_counterparty', message }, confidence, 'The counterparty has to settle or explain the difference.');
}

/** A short memo from the records' own text (instructions removed), for the journal line. */
function memo(facts: BreakFacts, label: string): string {
  const text = [...facts.ext, ...facts.int].map((r) => r.record.description ?? r.record.counterparty ?? '').map((t) => stripInstructions(t).replace(/\s+/g, ' ').trim()).find((t) => t !== '');
  const full = text ? `${label}: ${text}` : label;
  return full.length > 200 ? full.slice(0, 200) : full;
}

export function postJournal(facts: BreakFacts, account: AccountRole, label: string, confidence = 0.95): Proposal {
  if (facts.currency === null) return escalate('The records are in different currencies; the journal amount cannot be computed safely.');
  const amount = formatAmount(facts.difference, facts.currency);
  return propose({ action: 'post_journal', account, amount, currency: facts.currency, memo: memo(facts, label) }, confidence, `Post ${amount} ${facts.currency} to ${account} so the books show what the statement shows.`);
}

export function matchWithAdjustment(facts: BreakFacts, account: AccountRole, confidence = 0.95): Proposal {
  if (facts.currency === null) return escalate('The records are in different currencies; the adjustment cannot be computed in one currency.');
  if (facts.ext.length === 0 || facts.int.length === 0) return escalate('An adjustment needs records on both sides.');
  const amount = formatAmount(facts.difference, facts.currency);
  return propose(
    { action: 'match_with_adjustment', external: ids(facts.ext), internal: ids(facts.int), account, amount, currency: facts.currency },
    confidence,
    `Match the records and book the difference of ${amount} ${facts.currency} to ${account}.`,
  );
}

/** Confirm the group when it ties; a rounding remainder is booked, anything else is a reviewer's call. */
export function confirm(facts: BreakFacts, confidence = 0.95): Proposal {
  if (facts.ext.length === 0 || facts.int.length === 0) return escalate('Confirming a match needs records on both sides.');
  if (facts.currency !== null && facts.difference === 0n) {
    return propose({ action: 'confirm_match', external: ids(facts.ext), internal: ids(facts.int) }, confidence, 'The records tie exactly: confirm that they belong together.');
  }
  if (facts.currency !== null && isWithinRounding(facts.difference, facts.units, facts.ctx.config.roundingMinorUnits)) return matchWithAdjustment(facts, 'rounding', confidence * 0.8);
  return escalate(`The records do not tie (difference ${formatAmount(facts.difference, facts.currency)}); they cannot be confirmed as they are.`);
}

export function carryForward(facts: BreakFacts, confidence = 0.95): Proposal {
  const latest = [...facts.ext, ...facts.int].reduce((d, r) => (r.record.date > d ? r.record.date : d), '');
  const end = latest === '' ? facts.ctx.asOf : addDays(latest, facts.ctx.config.clearingWindowDays);
  const expectedBy = end < facts.ctx.asOf ? facts.ctx.asOf : end;
  return propose({ action: 'carry_forward', expectedBy }, confidence, `No entry now: the other side should show the item by ${expectedBy}.`);
}

/** The value of a correctable field on a record, as text, when it has one. */
export function fieldValue(record: BreakFacts['ext'][number]['record'], field: CorrectableField): string | undefined {
  return record[field];
}

/**
 * Correct one field of the internal record to the external value. Only for a
 * one-to-one pair where both records carry the field and, unless the amount
 * is what is corrected, the amounts already tie (else the correction alone
 * would not clear the break).
 */
export function correctEntry(facts: BreakFacts, field: CorrectableField, confidence = 0.95): Proposal | undefined {
  if (facts.ext.length !== 1 || facts.int.length !== 1) return undefined;
  const e = facts.ext[0]!.record;
  const i = facts.int[0]!.record;
  const from = fieldValue(i, field);
  const to = fieldValue(e, field);
  if (from === undefined || to === undefined || from === to) return undefined;
  if (field !== 'amount' && facts.currency !== null && facts.difference !== 0n && !isWithinRounding(facts.difference, facts.units, facts.ctx.config.roundingMinorUnits)) return undefined;
  return propose({ action: 'correct_entry', recordId: i.id, field, from, to }, confidence, `Correct ${field} of book entry ${i.id} from ${from} to ${to}, the statement's value.`);
}
