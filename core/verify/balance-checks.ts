/**
 * The `balances` check: applying the resolution leaves nothing open. Each
 * action changes the group differently — a journal adds an amount to the
 * books, an adjustment matches records and books their difference, a
 * correction changes one field of a book entry, a reversal removes one —
 * and each must leave statement and books agreeing to the minor unit.
 */
import type { BreakContext } from '../breaks/break-context.ts';
import type { CanonicalRecord } from '../records/canonical-record.ts';
import type { Resolution } from '../taxonomy/actions.ts';
import type { BreakType } from '../taxonomy/break-types.ts';
import { agreesWithCounterpart, sameValue } from './record-fields.ts';
import { roundingTolerance, scaledOrUndefined, sharedCurrency, showAmount, sumOf } from './verify-amounts.ts';

export interface BalanceOutcome {
  readonly ok: boolean;
  readonly message?: string;
}

const pass: BalanceOutcome = { ok: true };
const fail = (message: string): BalanceOutcome => ({ ok: false, message });
const abs = (v: bigint) => (v < 0n ? -v : v);

function pick(records: readonly CanonicalRecord[], ids: readonly string[]): CanonicalRecord[] {
  return records.filter((r) => ids.includes(r.id));
}

/** Records of the break a group-level action leaves out (choosing among candidates is the point of an ambiguous break). */
function leftOut(ctx: BreakContext, type: BreakType, external: readonly string[], internal: readonly string[]): string | undefined {
  if (type === 'ambiguous_match') return undefined;
  const missing = [...ctx.external.filter((r) => !external.includes(r.id)), ...ctx.internal.filter((r) => !internal.includes(r.id))].map((r) => r.id);
  return missing.length > 0 ? `it leaves ${missing.join(', ')} of this break unresolved` : undefined;
}

function journalBalances(ctx: BreakContext, amount: string): BalanceOutcome {
  const currency = sharedCurrency([...ctx.external, ...ctx.internal]);
  if (currency === null) return fail('The records are in different currencies, so no single journal amount can balance them.');
  const posted = scaledOrUndefined(amount);
  if (posted === undefined) return fail('The journal amount is not a number, so the balance cannot be checked.');
  const open = sumOf(ctx.external) - sumOf(ctx.internal);
  if (posted === open) return pass;
  return fail(`The journal posts ${showAmount(posted, currency)}, but the statement exceeds the books by ${showAmount(open, currency)}; ${showAmount(open - posted, currency)} would remain open.`);
}

function adjustmentBalances(ctx: BreakContext, type: BreakType, r: Extract<Resolution, { action: 'match_with_adjustment' }>): BalanceOutcome {
  const external = pick(ctx.external, r.external);
  const internal = pick(ctx.internal, r.internal);
  const currency = sharedCurrency([...external, ...internal]);
  if (currency === null) return fail('The matched records are in different currencies, so one adjustment cannot balance them.');
  const posted = scaledOrUndefined(r.amount);
  if (posted === undefined) return fail('The adjustment amount is not a number, so the balance cannot be checked.');
  const open = sumOf(external) - sumOf(internal);
  if (posted !== open) return fail(`The adjustment is ${showAmount(posted, currency)}, but statement minus books is ${showAmount(open, currency)} for these records; ${showAmount(open - posted, currency)} would remain open.`);
  const rest = leftOut(ctx, type, r.external, r.internal);
  return rest ? fail(`The adjustment balances the records it names, but ${rest}.`) : pass;
}

function confirmBalances(ctx: BreakContext, type: BreakType, r: Extract<Resolution, { action: 'confirm_match' }>): BalanceOutcome {
  const external = pick(ctx.external, r.external);
  const internal = pick(ctx.internal, r.internal);
  const currency = sharedCurrency([...external, ...internal]);
  if (currency === null) return fail('The records to confirm are in different currencies; they cannot tie without a conversion.');
  // Timing and reference breaks are acceptable differences of date and text, never of amount.
  const open = sumOf(external) - sumOf(internal);
  if (open !== 0n) return fail(`The records to confirm do not tie: statement minus books is ${showAmount(open, currency)}. Confirming them would hide the difference; book it with an adjustment instead.`);
  const rest = leftOut(ctx, type, r.external, r.internal);
  return rest ? fail(`The records tie, but ${rest}.`) : pass;
}

function correctionBalances(ctx: BreakContext, r: Extract<Resolution, { action: 'correct_entry' }>): BalanceOutcome {
  const target = ctx.internal.find((x) => x.id === r.recordId);
  if (!target) return fail(`Book entry ${r.recordId} is not part of this break, so correcting it cannot clear the break.`);
  const current = target[r.field];
  if (!sameValue(r.field, current, r.from)) {
    return fail(`The correction expects ${r.field} ${JSON.stringify(r.from)} on ${r.recordId}, but the entry holds ${current === undefined ? 'no value' : JSON.stringify(current)}.`);
  }
  const currency = sharedCurrency([...ctx.external, ...ctx.internal]);
  if (r.field === 'amount') {
    const to = scaledOrUndefined(r.to);
    if (to === undefined) return fail('The corrected amount is not a number.');
    if (currency === null) return fail('The records are in different currencies, so a corrected amount cannot make them tie.');
    const open = sumOf(ctx.external) - (sumOf(ctx.internal) - scaledOrUndefined(target.amount)! + to);
    return open === 0n ? pass : fail(`After changing the amount to ${r.to}, statement minus books would still be ${showAmount(open, currency)}.`);
  }
  if (ctx.external.length !== 1) return fail(`A ${r.field} correction needs exactly one statement record to agree with; this break has ${ctx.external.length}.`);
  const counterpart = ctx.external[0]!;
  if (!agreesWithCounterpart(ctx, r.field, r.to, counterpart)) {
    return fail(`After the correction, ${r.field} ${JSON.stringify(r.to)} would still differ from the statement's ${JSON.stringify(counterpart[r.field] ?? null)} on ${counterpart.id}.`);
  }
  // A field correction leaves the cash amounts as they are: they must already agree.
  const open = sumOf(ctx.external) - sumOf(ctx.internal);
  if (currency === null || abs(open) > roundingTolerance(currency, ctx.config.roundingMinorUnits)) {
    return fail(`The ${r.field} would agree, but the amounts still differ (${currency === null ? 'different currencies' : showAmount(open, currency)}); the correction alone does not clear the break.`);
  }
  return pass;
}

function reversalBalances(ctx: BreakContext, r: Extract<Resolution, { action: 'reverse_entry' }>): BalanceOutcome {
  const target = ctx.internal.find((x) => x.id === r.recordId);
  if (!target) return fail(`Book entry ${r.recordId} is not part of this break, so reversing it cannot clear the break.`);
  const remainingInternal = ctx.internal.filter((x) => x !== target);
  if (ctx.external.length === 0 && remainingInternal.length === 0) return pass;
  const currency = sharedCurrency([...ctx.external, ...remainingInternal]);
  const open = currency === null ? undefined : sumOf(ctx.external) - sumOf(remainingInternal);
  if (open === 0n) return pass;
  const left = [...ctx.external, ...remainingInternal].map((x) => x.id).join(', ');
  return fail(`Reversing ${r.recordId} would leave ${left} unexplained${open === undefined ? '' : ` (${showAmount(open, currency)} open)`}.`);
}

export function checkBalances(ctx: BreakContext, type: BreakType, resolution: Resolution): BalanceOutcome {
  switch (resolution.action) {
    case 'post_journal':
      return journalBalances(ctx, resolution.amount);
    case 'match_with_adjustment':
      return adjustmentBalances(ctx, type, resolution);
    case 'confirm_match':
      return confirmBalances(ctx, type, resolution);
    case 'correct_entry':
      return correctionBalances(ctx, resolution);
    case 'reverse_entry':
      return reversalBalances(ctx, resolution);
    case 'carry_forward':
    case 'contact_counterparty':
    case 'escalate':
      // Nothing is posted or matched: the break stays open by design, so there is nothing to balance.
      return pass;
  }
}
