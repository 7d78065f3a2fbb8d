/**
 * An approval and what follows it: the decision commits first (so a failed
 * apply never undoes the approval), then — when it completed the approvals —
 * the apply runs in its own transaction. Bulk approval is the same flow per
 * exception, one at a time, each independent of the others' fate.
 */
import { isAppError } from '../../core/errors/app-error.ts';
import { BULK_APPROVE_LIMIT, type ExceptionFilter } from '../../core/review/decision-requests.ts';
import type { Database } from '../client.ts';
import { applyException, type ApplyOutcome } from './apply-repository.ts';
import { bulkTargets } from './decisions-bulk.ts';
import { approveException, type ApproveOutcome, type DecisionBase } from './decisions-repository.ts';

export type ApplySummary =
  | { readonly status: 'applied'; readonly adjustmentId: string | null; readonly matchGroupId: string | null }
  | { readonly status: 'apply_failed'; readonly reason: string }
  /** Someone else moved the exception between the approval and the apply. */
  | { readonly status: 'not_applied'; readonly reason: string };

export interface ApprovalResult extends ApproveOutcome {
  readonly apply?: ApplySummary;
}

export function summarizeApply(outcome: ApplyOutcome): ApplySummary {
  return outcome.status === 'applied' ? { status: 'applied', adjustmentId: outcome.adjustmentId, matchGroupId: outcome.matchGroupId } : { status: 'apply_failed', reason: outcome.reason };
}

export async function approveAndApply(db: Database, input: DecisionBase & { comment?: string | undefined; twoApproverAbove?: string | undefined }): Promise<ApprovalResult> {
  const approval = await approveException(db, input);
  if (!approval.complete) return approval;
  try {
    const applied = await applyException(db, { exceptionId: input.exceptionId, actorId: input.actorId, now: input.now });
    return { ...approval, exception: applied.exception, apply: summarizeApply(applied) };
  } catch (error) {
    if (isAppError(error) && (error.code === 'illegal_transition' || error.code === 'not_found')) return { ...approval, apply: { status: 'not_applied', reason: error.message } };
    throw error;
  }
}

export type SkipReason = 'not_found' | 'not_verified' | 'illegal_transition' | 'own_edit' | 'already_approved' | 'conflict';

export interface BulkApproveResult {
  readonly approved: readonly { id: string; status: string; version: number; apply?: ApplySummary }[];
  /** First of two approvals recorded; a second approver is still needed. */
  readonly pending: readonly { id: string; status: string; version: number; approvals: { have: number; need: number } }[];
  readonly skipped: readonly { id: string; reason: SkipReason; message: string; status?: string }[];
  /** Matches beyond this call's limit. */
  readonly remaining: number;
}

function skipReason(error: unknown): SkipReason | undefined {
  if (!isAppError(error)) return undefined;
  if (error.code === 'illegal_transition' || error.code === 'not_found') return error.code;
  if (error.code === 'forbidden') return error.details.refusal === 'own_edit' ? 'own_edit' : 'already_approved';
  if (error.code === 'conflict') return error.details.reason === 'not_verified' ? 'not_verified' : 'conflict';
  return undefined;
}

export async function bulkApprove(
  db: Database,
  input: { ids?: readonly string[] | undefined; filter?: ExceptionFilter | undefined; actorId: string; comment?: string | undefined; twoApproverAbove?: string | undefined; now: () => Date },
): Promise<BulkApproveResult> {
  const targets = await bulkTargets(db, { ids: input.ids, filter: input.filter, limit: BULK_APPROVE_LIMIT });
  const approved: BulkApproveResult['approved'][number][] = [];
  const pending: BulkApproveResult['pending'][number][] = [];
  const skipped: BulkApproveResult['skipped'][number][] = targets.unmatched.map((id) => ({ id, reason: 'not_found' as const, message: input.filter ? 'No such exception, or it does not match the filter.' : 'No such exception.' }));
  for (const exceptionId of targets.ids) {
    try {
      const r = await approveAndApply(db, { exceptionId, actorId: input.actorId, comment: input.comment, twoApproverAbove: input.twoApproverAbove, now: input.now() });
      const base = { id: exceptionId, status: r.exception.status, version: r.exception.version };
      if (r.approvals.have >= r.approvals.need) approved.push({ ...base, ...(r.apply ? { apply: r.apply } : {}) });
      else pending.push({ ...base, approvals: r.approvals });
    } catch (error) {
      const reason = skipReason(error);
      if (!reason || !isAppError(error)) throw error;
      const status = typeof error.details.status === 'string' ? error.details.status : undefined;
      skipped.push({ id: exceptionId, reason, message: error.message, ...(status ? { status } : {}) });
    }
  }
  return { approved, pending, skipped, remaining: targets.remaining };
}
