/**
 * The resolution form's state as plain strings, turned into a resolution
 * and checked the way the API checks it: core's zod schema for the
 * parameters, the taxonomy for the action, and the break's own records and
 * currency (the checks core/verify repeats on the server, which also
 * checks the balance).
 */
import { resolutionSchema, isActionAllowed, type Resolution, type ResolutionAction, type CorrectableField } from '../../../core/taxonomy/actions.ts';
import type { AccountRole } from '../../../core/taxonomy/account-roles.ts';
import type { BreakType } from '../../../core/taxonomy/break-types.ts';

export interface Draft {
  action: ResolutionAction;
  account: string;
  amount: string;
  currency: string;
  memo: string;
  expectedBy: string;
  external: string[];
  internal: string[];
  recordId: string;
  field: string;
  from: string;
  to: string;
  message: string;
  reason: string;
}

export function draftFrom(resolution: Resolution | undefined, currency: string, ids: { external: readonly string[]; internal: readonly string[] }): Draft {
  const base: Draft = { action: 'escalate', account: '', amount: '', currency, memo: '', expectedBy: '', external: [...ids.external], internal: [...ids.internal], recordId: ids.internal[0] ?? '', field: 'amount', from: '', to: '', message: '', reason: '' };
  if (!resolution) return base;
  const r = resolution as Partial<Record<string, unknown>> & { action: ResolutionAction };
  const text = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : '');
  const list = (k: string, fallback: string[]) => (Array.isArray(r[k]) ? [...(r[k] as string[])] : fallback);
  return {
    ...base,
    action: resolution.action,
    account: text('account'),
    amount: text('amount'),
    currency: text('currency') || currency,
    memo: text('memo'),
    expectedBy: text('expectedBy'),
    external: list('external', base.external),
    internal: list('internal', base.internal),
    recordId: text('recordId') || base.recordId,
    field: text('field') || 'amount',
    from: text('from'),
    to: text('to'),
    message: text('message'),
    reason: text('reason'),
  };
}

/** The resolution the draft describes (unvalidated). */
export function resolutionOf(d: Draft): Record<string, unknown> {
  switch (d.action) {
    case 'carry_forward':
      return { action: d.action, ...(d.expectedBy.trim() ? { expectedBy: d.expectedBy.trim() } : {}) };
    case 'post_journal':
      return { action: d.action, account: d.account as AccountRole, amount: d.amount.trim(), currency: d.currency.trim(), ...(d.memo.trim() ? { memo: d.memo.trim() } : {}) };
    case 'match_with_adjustment':
      return { action: d.action, external: d.external, internal: d.internal, account: d.account as AccountRole, amount: d.amount.trim(), currency: d.currency.trim() };
    case 'confirm_match':
      return { action: d.action, external: d.external, internal: d.internal };
    case 'correct_entry':
      return { action: d.action, recordId: d.recordId, field: d.field as CorrectableField, from: d.from.trim(), to: d.to.trim() };
    case 'reverse_entry':
      return { action: d.action, recordId: d.recordId };
    case 'contact_counterparty':
      return { action: d.action, message: d.message };
    case 'escalate':
      return { action: d.action, reason: d.reason };
  }
}

export type FieldErrors = Readonly<Record<string, string>>;

export interface BreakFacts {
  readonly type: BreakType;
  readonly currency: string;
  readonly externalIds: readonly string[];
  readonly internalIds: readonly string[];
}

/** The resolution when it is valid, else a message per form field. */
export function checkDraft(d: Draft, facts: BreakFacts): { ok: true; resolution: Resolution } | { ok: false; errors: FieldErrors } {
  const errors: Record<string, string> = {};
  if (!isActionAllowed(facts.type, d.action)) errors.action = `${d.action.replace(/_/g, ' ')} is not allowed for this type of break`;
  const parsed = resolutionSchema.safeParse(resolutionOf(d));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'action');
      errors[field] ??= friendly(field, issue.message);
    }
  }
  if ((d.action === 'post_journal' || d.action === 'match_with_adjustment') && d.currency.trim() !== facts.currency) errors.currency ??= `the break's currency is ${facts.currency}`;
  if (d.action === 'match_with_adjustment' || d.action === 'confirm_match') {
    if (d.external.some((id) => !facts.externalIds.includes(id))) errors.external ??= 'a record that is not part of this break';
    if (d.internal.some((id) => !facts.internalIds.includes(id))) errors.internal ??= 'a record that is not part of this break';
  }
  if ((d.action === 'correct_entry' || d.action === 'reverse_entry') && !facts.internalIds.includes(d.recordId)) errors.recordId ??= 'choose an internal record of this break';
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, resolution: parsed.data };
}

function friendly(field: string, message: string): string {
  if (field === 'account') return 'choose an account';
  if (field === 'external' || field === 'internal') return 'choose at least one record';
  if (field === 'message' || field === 'reason') return 'write a few words';
  if (field === 'currency') return 'a currency code such as EUR';
  return message;
}
