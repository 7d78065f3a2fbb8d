/**
 * Deterministic verification of a suggested resolution before a reviewer
 * sees it (the checks of `core/breaks/verification.ts`): the records it names
 * belong to the break on the right side, the action is allowed for the type,
 * the parameters are well-formed in the records' currency, and applying it
 * balances the group. The same checks run on LLM, rules and human
 * suggestions, so the resolution is taken as untrusted input.
 */
import type { BreakContext } from '../breaks/break-context.ts';
import type { VerificationCheck, VerificationResult } from '../breaks/verification.ts';
import { isValidIsoDate } from '../dates/iso-date.ts';
import { currencyMinorUnits, isCurrencyCode } from '../money/currency.ts';
import { isActionAllowed, RESOLUTION_ACTIONS, resolutionSchema, type Resolution, type ResolutionAction } from '../taxonomy/actions.ts';
import type { BreakType } from '../taxonomy/break-types.ts';
import { checkBalances } from './balance-checks.ts';
import { fieldFormatProblem } from './record-fields.ts';
import { sharedCurrency, writtenDecimals } from './verify-amounts.ts';

const ok = (name: VerificationCheck['name']): VerificationCheck => ({ name, ok: true });
const failed = (name: VerificationCheck['name'], message: string): VerificationCheck => ({ name, ok: false, message });

const asStrings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** Record ids the resolution names, by the side the action expects them on. */
function namedIds(resolution: Record<string, unknown>): { external: string[]; internal: string[] } {
  switch (resolution.action) {
    case 'confirm_match':
    case 'match_with_adjustment':
      return { external: asStrings(resolution.external), internal: asStrings(resolution.internal) };
    case 'correct_entry':
    case 'reverse_entry':
      // Corrections and reversals change the books: the record must be a book entry.
      return { external: [], internal: typeof resolution.recordId === 'string' ? [resolution.recordId] : [] };
    default:
      return { external: [], internal: [] };
  }
}

function checkRecords(ctx: BreakContext, resolution: Record<string, unknown>): VerificationCheck {
  const ext = new Set(ctx.external.map((r) => r.id));
  const int = new Set(ctx.internal.map((r) => r.id));
  const named = namedIds(resolution);
  const problems: string[] = [];
  for (const id of named.external) {
    if (ext.has(id)) continue;
    problems.push(int.has(id) ? `${id} is a book entry, not a statement item` : `statement item ${id} is not part of this break`);
  }
  for (const id of named.internal) {
    if (int.has(id)) continue;
    problems.push(ext.has(id) ? `${id} is a statement item; ${String(resolution.action)} can only change book entries` : `book entry ${id} is not part of this break`);
  }
  const all = [...named.external.map((id) => `e:${id}`), ...named.internal.map((id) => `i:${id}`)];
  if (new Set(all).size !== all.length) problems.push('a record is named more than once');
  return problems.length === 0 ? ok('records_in_break') : failed('records_in_break', `The resolution names records outside the break: ${problems.join('; ')}.`);
}

function checkAction(type: BreakType, action: unknown): VerificationCheck {
  if (typeof action !== 'string' || !RESOLUTION_ACTIONS.includes(action as ResolutionAction)) return failed('action_allowed', `${JSON.stringify(action)} is not a resolution action.`);
  return isActionAllowed(type, action as ResolutionAction)
    ? ok('action_allowed')
    : failed('action_allowed', `${action.replace(/_/g, ' ')} is not an allowed resolution for a ${type.replace(/_/g, ' ')} break.`);
}

/** The currency a journal or adjustment must be in: the records' own (the books' when the sides differ). */
function expectedCurrency(ctx: BreakContext): string | null {
  return sharedCurrency([...ctx.external, ...ctx.internal]) ?? sharedCurrency(ctx.internal) ?? sharedCurrency(ctx.external);
}

function checkParameters(ctx: BreakContext, raw: unknown): { check: VerificationCheck; parsed?: Resolution } {
  const parsed = resolutionSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'resolution'}: ${i.message}`).join('; ');
    return { check: failed('parameters_valid', `The parameters are not valid: ${issues}.`) };
  }
  const r = parsed.data;
  const problems: string[] = [];
  if (r.action === 'post_journal' || r.action === 'match_with_adjustment') {
    const expected = expectedCurrency(ctx);
    if (expected !== null && r.currency !== expected) problems.push(`the currency is ${r.currency}, but the records are in ${expected}`);
    if (isCurrencyCode(r.currency) && writtenDecimals(r.amount) !== currencyMinorUnits(r.currency)) {
      problems.push(`${r.currency} amounts have ${currencyMinorUnits(r.currency)} decimals, but ${r.amount} is written with ${writtenDecimals(r.amount)}`);
    }
  }
  if (r.action === 'correct_entry') {
    const format = fieldFormatProblem(r.field, r.to);
    if (format) problems.push(`the new ${r.field}: ${format}`);
    if (r.from === r.to) problems.push(`the correction changes nothing (${r.field} ${JSON.stringify(r.from)} stays ${JSON.stringify(r.to)})`);
    if (r.field === 'amount' && !format) {
      const record = ctx.internal.find((x) => x.id === r.recordId);
      if (record && isCurrencyCode(record.currency) && writtenDecimals(r.to) > currencyMinorUnits(record.currency)) {
        problems.push(`${record.currency} amounts have ${currencyMinorUnits(record.currency)} decimals, but ${r.to} has ${writtenDecimals(r.to)}`);
      }
    }
  }
  if (r.action === 'carry_forward' && r.expectedBy !== undefined && isValidIsoDate(r.expectedBy) && r.expectedBy < ctx.asOf) {
    problems.push(`the item is expected by ${r.expectedBy}, which is before the reconciliation date ${ctx.asOf}`);
  }
  return problems.length === 0 ? { check: ok('parameters_valid'), parsed: r } : { check: failed('parameters_valid', `The parameters are not valid: ${problems.join('; ')}.`), parsed: r };
}

export function verifySuggestion(ctx: BreakContext, type: BreakType, resolution: Resolution): VerificationResult {
  const raw: Record<string, unknown> = typeof resolution === 'object' && resolution !== null ? (resolution as Record<string, unknown>) : {};
  const records = checkRecords(ctx, raw);
  const action = checkAction(type, raw.action);
  const { check: parameters, parsed } = checkParameters(ctx, resolution);
  let balances: VerificationCheck;
  if (!parsed) balances = failed('balances', 'The balance cannot be checked until the parameters are valid.');
  else {
    const outcome = checkBalances(ctx, type, parsed);
    balances = outcome.ok ? ok('balances') : failed('balances', outcome.message ?? 'Applying the resolution does not balance the break.');
  }
  const checks = [records, action, parameters, balances];
  return { ok: checks.every((c) => c.ok), checks };
}
