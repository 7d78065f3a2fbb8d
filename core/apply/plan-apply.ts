/**
 * What applying an approved resolution does, planned without I/O so the
 * repository only writes it (in one transaction) and tests can read it:
 *
 * - `post_journal`: a journal adjustment, book account against the role.
 * - `match_with_adjustment`: the same journal, plus a confirmed match group
 *   of the named records.
 * - `confirm_match`: a confirmed match group; the adjustment row (kind
 *   `match`) records the effect and moves no money.
 * - `correct_entry`: the record is superseded by a corrected copy. A
 *   corrected amount also moves money: the difference is journalled between
 *   the book account and `suspense` (the original entry's counter account is
 *   not known here; an accountant reclassifies it).
 * - `reverse_entry`: the record is superseded and a reversal adjustment
 *   takes its amount back out of the book account against `suspense`.
 * - `carry_forward`, `contact_counterparty`: no effect; the exception is
 *   applied (closed for this run; a still-open item breaks again next run).
 * - `escalate` is never applied: approving an escalation escalates.
 *
 * Before anything, the resolution is verified again against the records as
 * they are now: a record another decision superseded or confirmed since
 * makes the plan fail with the reason, and nothing is written.
 */
import type { BreakContext } from '../breaks/break-context.ts';
import type { CanonicalRecord } from '../records/canonical-record.ts';
import type { EffectKind } from '../statuses.ts';
import type { Resolution } from '../taxonomy/actions.ts';
import type { BreakType } from '../taxonomy/break-types.ts';
import { parseDecimal, subtractDecimal, negateDecimal, formatDecimal } from '../money/decimal.ts';
import { verifySuggestion } from '../verify/verify-suggestion.ts';
import { counterLines, linesBalance, showMoney, type GlMapping, type PlannedLine } from './journal-lines.ts';

export interface PlannedEffect {
  readonly kind: EffectKind;
  readonly currency: string | null;
  readonly memo: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly lines: readonly PlannedLine[];
}

export interface PlannedCorrection {
  readonly recordId: string;
  readonly newRecordId: string;
  readonly field: Extract<Resolution, { action: 'correct_entry' }>['field'];
  readonly to: string;
}

export interface ApplyPlan {
  /** Null for actions without effects (carry forward, contact counterparty). */
  readonly effect: PlannedEffect | null;
  readonly matchGroup: { readonly external: readonly string[]; readonly internal: readonly string[] } | null;
  /** Records superseded: the corrected or reversed book entries. */
  readonly supersede: readonly string[];
  readonly corrections: readonly PlannedCorrection[];
}

export interface ApplyInput {
  readonly exceptionId: string;
  readonly decisionId: string;
  readonly type: BreakType;
  readonly resolution: Resolution;
  /** The break rebuilt from its records as they are now. */
  readonly context: BreakContext;
  /** Records of the break that a correction or reversal superseded since. */
  readonly superseded: ReadonlySet<string>;
  /** Records of the break already in a confirmed match group. */
  readonly confirmed: ReadonlySet<string>;
  readonly gl: GlMapping;
}

export type ApplyPlanResult = { readonly ok: true; readonly plan: ApplyPlan } | { readonly ok: false; readonly reason: string };

const NOTHING: ApplyPlan = { effect: null, matchGroup: null, supersede: [], corrections: [] };

/** A readable, stable id for the corrected copy: the record's id plus the deciding decision. */
export function correctedRecordId(recordId: string, decisionId: string): string {
  return `${recordId.slice(0, 180)}~c${decisionId.replace(/-/g, '').slice(0, 12)}`;
}

function recordOf(ctx: BreakContext, id: string): CanonicalRecord | undefined {
  return ctx.internal.find((r) => r.id === id) ?? ctx.external.find((r) => r.id === id);
}

function staleness(input: ApplyInput): string | undefined {
  const all = [...input.context.external, ...input.context.internal].map((r) => r.id);
  const superseded = all.filter((id) => input.superseded.has(id));
  if (superseded.length > 0) return `The books changed since this was approved: ${superseded.join(', ')} ${superseded.length === 1 ? 'was' : 'were'} corrected or reversed by another decision.`;
  const r = input.resolution;
  if (r.action === 'confirm_match' || r.action === 'match_with_adjustment') {
    const taken = [...r.external, ...r.internal].filter((id) => input.confirmed.has(id));
    if (taken.length > 0) return `${taken.join(', ')} ${taken.length === 1 ? 'is' : 'are'} already in a confirmed match.`;
  }
  return undefined;
}

function planEffect(input: ApplyInput): ApplyPlan | string {
  const r = input.resolution;
  const memoOf = (what: string) => `${what} (exception ${input.exceptionId})`;
  switch (r.action) {
    case 'post_journal': {
      const memo = r.memo && r.memo.trim() !== '' ? r.memo : memoOf(`Post ${r.account}`);
      return { ...NOTHING, effect: { kind: 'journal', currency: r.currency, memo, payload: { action: r.action, account: r.account }, lines: counterLines(r.amount, r.currency, r.account, input.gl, memo) } };
    }
    case 'match_with_adjustment': {
      const memo = memoOf(`Match with adjustment to ${r.account}`);
      const lines = counterLines(r.amount, r.currency, r.account, input.gl, memo);
      return { ...NOTHING, matchGroup: { external: r.external, internal: r.internal }, effect: { kind: 'journal', currency: r.currency, memo, payload: { action: r.action, account: r.account, external: r.external, internal: r.internal }, lines } };
    }
    case 'confirm_match':
      return { ...NOTHING, matchGroup: { external: r.external, internal: r.internal }, effect: { kind: 'match', currency: null, memo: memoOf('Confirm match'), payload: { action: r.action, external: r.external, internal: r.internal }, lines: [] } };
    case 'correct_entry': {
      const record = recordOf(input.context, r.recordId);
      if (!record) return `Book entry ${r.recordId} is not part of this break.`;
      const newRecordId = correctedRecordId(r.recordId, input.decisionId);
      const memo = memoOf(`Correct ${r.field} of ${r.recordId} from ${r.from} to ${r.to}`);
      const delta = r.field === 'amount' ? formatDecimal(subtractDecimal(parseDecimal(r.to), parseDecimal(record.amount))) : '0';
      const lines = counterLines(delta, record.currency, 'suspense', input.gl, memo);
      return {
        effect: { kind: 'correction', currency: record.currency, memo, payload: { action: r.action, recordId: r.recordId, correctedRecordId: newRecordId, field: r.field, from: r.from, to: r.to }, lines },
        matchGroup: null,
        supersede: [r.recordId],
        corrections: [{ recordId: r.recordId, newRecordId, field: r.field, to: r.to }],
      };
    }
    case 'reverse_entry': {
      const record = recordOf(input.context, r.recordId);
      if (!record) return `Book entry ${r.recordId} is not part of this break.`;
      const memo = memoOf(`Reverse ${r.recordId}`);
      const reversed = showMoney(negateDecimal(parseDecimal(record.amount)), record.currency);
      const lines = counterLines(reversed, record.currency, 'suspense', input.gl, memo);
      return { ...NOTHING, supersede: [r.recordId], effect: { kind: 'reversal', currency: record.currency, memo, payload: { action: r.action, recordId: r.recordId, reversedAmount: record.amount }, lines } };
    }
    case 'carry_forward':
    case 'contact_counterparty':
      return NOTHING;
    case 'escalate':
      return 'An escalation is not applied: approving it escalates the exception.';
  }
}

export function planApply(input: ApplyInput): ApplyPlanResult {
  const stale = staleness(input);
  if (stale) return { ok: false, reason: stale };
  const verification = verifySuggestion(input.context, input.type, input.resolution);
  if (!verification.ok) {
    const why = verification.checks.filter((c) => !c.ok).map((c) => c.message ?? c.name).join(' ');
    return { ok: false, reason: `The resolution no longer verifies against the records: ${why}` };
  }
  const plan = planEffect(input);
  if (typeof plan === 'string') return { ok: false, reason: plan };
  // A journal that does not sum to zero is a bug here, never something to export.
  if (plan.effect && !linesBalance(plan.effect.lines)) return { ok: false, reason: 'The planned journal lines do not sum to zero.' };
  return { ok: true, plan };
}
