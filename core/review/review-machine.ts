/**
 * The review state machine (DESIGN §6) as one pure function: where an
 * exception goes when a decision or an apply outcome meets its status.
 *
 * | from \ action | approve                | edit   | reject   | escalate  | auto_approve | apply   | apply_fail   |
 * | ------------- | ---------------------- | ------ | -------- | --------- | ------------ | ------- | ------------ |
 * | open          | —                      | edited | rejected | escalated | —            | —       | —            |
 * | suggested     | approved ¹ (escalated ²) | edited | rejected | escalated | approved     | —       | —            |
 * | edited        | approved ¹ (escalated ²) | edited | rejected | escalated | —            | —       | —            |
 * | escalated     | approved ¹ (— ²)        | edited | rejected | —         | —            | —       | —            |
 * | rejected      | —                      | edited | —        | escalated | —            | —       | —            |
 * | approved      | —                      | —      | —        | —         | —            | applied | apply_failed |
 * | apply_failed  | —                      | edited | rejected | escalated | —            | applied | apply_failed |
 * | applied       | —                      | —      | —        | —         | —            | —       | —            |
 *
 * ¹ Only when the approval completes the approvals maker-checker asks for;
 *   a first of two approvals is recorded and the status stays where it was.
 * ² Approving a suggestion whose resolution *is* `escalate` escalates the
 *   break (it hands it to a senior person; nothing is applied). From
 *   `escalated` that would change nothing, so it is refused.
 *
 * Why these extra edges: `open` has no suggestion yet, so a person can only
 * write one, refuse the break or escalate it. A rejection refuses the
 * suggestion, not the break — the break is still there, so a new version
 * (edit) or an escalation must stay possible. An escalation is resolved by an
 * approver approving the suggestion as it is, editing it, or rejecting it.
 * `approved` is the short step between an approval and its effects (and the
 * state the run leaves auto-approvals in), so only an apply moves it. A
 * failed apply can be retried, or overruled by a new version, a rejection or
 * an escalation. `applied` is final: its effects are in the books.
 * An `edited` version never goes straight to `applied`: it needs someone
 * else's approval first (maker-checker), then applies like any approval.
 */
import { AppError } from '../errors/app-error.ts';
import type { DecisionKind, ExceptionStatus } from '../statuses.ts';
import type { ResolutionAction } from '../taxonomy/actions.ts';

/** Decisions people (or the policy) make, and the two outcomes of applying. */
export const REVIEW_ACTIONS = ['approve', 'edit', 'reject', 'escalate', 'auto_approve', 'apply', 'apply_fail'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

// Every DecisionKind is a ReviewAction: the decisions table and the machine speak one vocabulary.
export const DECISION_KINDS_ARE_ACTIONS: DecisionKind extends ReviewAction ? true : never = true;

type Table = Readonly<Record<ExceptionStatus, Partial<Readonly<Record<ReviewAction, ExceptionStatus>>>>>;

/** The table above, with approve's target for a completing approval of a non-escalation. */
export const REVIEW_TRANSITIONS: Table = {
  open: { edit: 'edited', reject: 'rejected', escalate: 'escalated' },
  suggested: { approve: 'approved', edit: 'edited', reject: 'rejected', escalate: 'escalated', auto_approve: 'approved' },
  edited: { approve: 'approved', edit: 'edited', reject: 'rejected', escalate: 'escalated' },
  escalated: { approve: 'approved', edit: 'edited', reject: 'rejected' },
  rejected: { edit: 'edited', escalate: 'escalated' },
  approved: { apply: 'applied', apply_fail: 'apply_failed' },
  apply_failed: { apply: 'applied', apply_fail: 'apply_failed', edit: 'edited', reject: 'rejected', escalate: 'escalated' },
  applied: {},
};

export interface TransitionContext {
  /** For `approve`: whether this approval completes the approvals needed (default: yes). */
  readonly approvalComplete?: boolean;
  /** For `approve`: the action of the resolution being approved. */
  readonly resolutionAction?: ResolutionAction;
}

export type TransitionResult = { readonly ok: true; readonly to: ExceptionStatus } | { readonly ok: false; readonly why: string };

const label = (s: string) => s.replace(/_/g, ' ');

export function transition(from: ExceptionStatus, action: ReviewAction, context: TransitionContext = {}): TransitionResult {
  const to = REVIEW_TRANSITIONS[from][action];
  if (to === undefined) return { ok: false, why: `An exception that is ${label(from)} cannot take "${label(action)}".` };
  if (action !== 'approve') return { ok: true, to };
  if (context.resolutionAction === 'escalate') {
    if (from === 'escalated') return { ok: false, why: 'The exception is already escalated; approving its escalation changes nothing. Edit, approve another version, or reject it.' };
    return { ok: true, to: context.approvalComplete === false ? from : 'escalated' };
  }
  return { ok: true, to: context.approvalComplete === false ? from : to };
}

/** The next status, or `AppError('illegal_transition')` (HTTP 409) carrying the current status and the action. */
export function nextStatus(from: ExceptionStatus, action: ReviewAction, context: TransitionContext = {}): ExceptionStatus {
  const result = transition(from, action, context);
  if (!result.ok) throw new AppError('illegal_transition', result.why, { details: { status: from, action } });
  return result.to;
}

/** Statuses from which an approval is possible: what bulk approval looks at. */
export const APPROVABLE_STATUSES: readonly ExceptionStatus[] = (Object.keys(REVIEW_TRANSITIONS) as ExceptionStatus[]).filter((s) => REVIEW_TRANSITIONS[s].approve !== undefined);

/** Statuses an apply may start from. */
export const APPLICABLE_STATUSES: readonly ExceptionStatus[] = (Object.keys(REVIEW_TRANSITIONS) as ExceptionStatus[]).filter((s) => REVIEW_TRANSITIONS[s].apply !== undefined);
