/**
 * Approve, reject and escalate an exception: each is a new `decisions` row,
 * a status from the review state machine, a version bump and an audit entry,
 * all in one transaction under the exception's row lock (decisions-locking).
 * Checks run in the order a person can act on: is the exception in a state
 * that takes this decision (409 with the state), then — for approvals — did
 * the suggestion verify (409), then maker-checker (403).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/errors/app-error.ts';
import { assertApproval } from '../../core/review/maker-checker.ts';
import { nextStatus } from '../../core/review/review-machine.ts';
import type { ExceptionStatus } from '../../core/statuses.ts';
import type { Database } from '../client.ts';
import { decisions } from '../schema/decisions.ts';
import type { ExceptionRow } from '../schema/exceptions.ts';
import type { SuggestionRow } from '../schema/suggestions.ts';
import { appendAudit } from './audit-repository.ts';
import { approversOf, assertExpectedVersion, bumpException, currentSuggestion, lockException, stateOf, type ExceptionState } from './decisions-locking.ts';

export interface DecisionBase {
  readonly exceptionId: string;
  readonly actorId: string;
  readonly expectedVersion?: number | undefined;
  readonly now: Date;
}

export interface DecisionOutcome {
  readonly exception: ExceptionState;
  readonly decision: { readonly id: string; readonly kind: 'approve' | 'edit' | 'reject' | 'escalate'; readonly suggestionVersion: number | null };
  readonly from: ExceptionStatus;
}

export interface ApproveOutcome extends DecisionOutcome {
  readonly approvals: { readonly have: number; readonly need: number };
  /** True when this approval completed the approvals and the exception is now approved: apply next. */
  readonly complete: boolean;
}

/**
 * The checks of one approval, pure, in the order a person can act on:
 * legality, a suggestion, verified, maker-checker. Shared by the single and
 * the batched (bulk) approval so both refuse the same way.
 */
export function checkApprove(row: ExceptionRow, suggestion: SuggestionRow | undefined, prior: readonly string[], input: { actorId: string; twoApproverAbove?: string | undefined }): { to: ExceptionStatus; have: number; need: number; complete: boolean; suggestion: SuggestionRow } {
  // Legality first, so a lost race answers with the state that won it.
  nextStatus(row.status, 'approve', { resolutionAction: suggestion?.action });
  if (!suggestion) throw new AppError('illegal_transition', 'The exception has no suggestion to approve; edit one first.', { details: { status: row.status, action: 'approve' } });
  if (!suggestion.verified) {
    const failed = (suggestion.verification?.checks ?? []).filter((c) => !c.ok);
    throw new AppError('conflict', `Suggestion version ${suggestion.version} did not verify, so it cannot be approved; edit it into one that does.`, {
      details: { ...stateOf(row), reason: 'not_verified', checks: failed },
    });
  }
  const verdict = assertApproval({ approverId: input.actorId, versionAuthor: suggestion.createdBy, priorApprovers: prior, amountAtStake: row.amount, twoApproverAbove: input.twoApproverAbove });
  const to = nextStatus(row.status, 'approve', { approvalComplete: verdict.complete, resolutionAction: suggestion.action });
  return { to, have: verdict.have, need: verdict.need, complete: verdict.complete && to === 'approved', suggestion };
}

export async function approveException(db: Database, input: DecisionBase & { comment?: string | undefined; twoApproverAbove?: string | undefined }): Promise<ApproveOutcome> {
  return db.transaction(async (tx) => {
    const row = await lockException(tx, input.exceptionId);
    assertExpectedVersion(row, input.expectedVersion);
    const current = await currentSuggestion(tx, row);
    const prior = current ? await approversOf(tx, current.id) : [];
    const { to, have, need, complete, suggestion } = checkApprove(row, current, prior, input);
    const id = randomUUID();
    await tx.insert(decisions).values({ id, exceptionId: row.id, suggestionId: suggestion.id, suggestionVersion: suggestion.version, kind: 'approve', actorId: input.actorId, reason: input.comment ?? null, createdAt: input.now });
    const state = await bumpException(tx, row, { status: to }, input.now);
    const approvals = { have, need };
    await appendAudit(tx, [{ actor: input.actorId, action: 'decision.approve', entityType: 'decision', entityId: id, payload: { exceptionId: row.id, suggestionVersion: suggestion.version, from: row.status, to, approvals } }], input.now);
    return { exception: state, decision: { id, kind: 'approve', suggestionVersion: suggestion.version }, from: row.status, approvals, complete };
  });
}

/** Reject (refuse the suggestion) or escalate (hand to a senior person); both need a reason. */
export async function decideWithReason(db: Database, kind: 'reject' | 'escalate', input: DecisionBase & { reason: string }): Promise<DecisionOutcome> {
  return db.transaction(async (tx) => {
    const row = await lockException(tx, input.exceptionId);
    assertExpectedVersion(row, input.expectedVersion);
    const to = nextStatus(row.status, kind);
    const suggestion = await currentSuggestion(tx, row);
    const id = randomUUID();
    await tx.insert(decisions).values({ id, exceptionId: row.id, suggestionId: suggestion?.id ?? null, suggestionVersion: suggestion?.version ?? null, kind, actorId: input.actorId, reason: input.reason, createdAt: input.now });
    const state = await bumpException(tx, row, { status: to }, input.now);
    await appendAudit(tx, [{ actor: input.actorId, action: `decision.${kind}`, entityType: 'decision', entityId: id, payload: { exceptionId: row.id, suggestionVersion: suggestion?.version ?? null, from: row.status, to, reason: input.reason } }], input.now);
    return { exception: state, decision: { id, kind, suggestionVersion: suggestion?.version ?? null }, from: row.status };
  });
}
