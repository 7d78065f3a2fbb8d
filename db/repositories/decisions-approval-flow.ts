/**
 * An approval and what follows it. A single approval that completes the
 * approvals is applied in the SAME transaction: the effects are written in a
 * savepoint (apply-batch `applyLocked`), so a failed apply rolls back only
 * its effects and the approval commits with the exception `apply_failed` —
 * the approval stands — while a success costs one commit instead of two.
 * Bulk approval is set-based (decisions-bulk-approve): one transaction for
 * all the approvals, then the applies in batches (apply-bulk), each
 * exception's outcome independent of the others'.
 */
import { randomUUID } from 'node:crypto';
import { isAppError } from '../../core/errors/app-error.ts';
import { BULK_APPROVE_LIMIT, type ExceptionFilter } from '../../core/review/decision-requests.ts';
import type { Database } from '../client.ts';
import { decisions } from '../schema/decisions.ts';
import { applyLocked } from './apply-batch.ts';
import { applyApproved, type ApprovedForApply } from './apply-bulk.ts';
import type { ApplyOutcome } from './apply-repository.ts';
import { appendAudit } from './audit-repository.ts';
import { approveAuditEntry, approveBatch } from './decisions-bulk-approve.ts';
import { bulkTargets } from './decisions-bulk.ts';
import { assertExpectedVersion, bumpStatuses, lockWithSuggestion } from './decisions-locking.ts';
import { checkApprove, type ApproveOutcome, type DecisionBase } from './decisions-repository.ts';

export type ApplySummary =
  | { readonly status: 'applied'; readonly adjustmentId: string | null; readonly matchGroupId: string | null }
  | { readonly status: 'apply_failed'; readonly reason: string }
  /** Someone else moved the exception between the approval and the apply. */
  | { readonly status: 'not_applied'; readonly reason: string }
  /** Approved and left for the apply queue (`deferApply`): the decision's job applies it. */
  | { readonly status: 'queued'; readonly decisionId: string };

export interface ApprovalResult extends ApproveOutcome {
  readonly apply?: ApplySummary;
}

export function summarizeApply(outcome: ApplyOutcome): ApplySummary {
  return outcome.status === 'applied' ? { status: 'applied', adjustmentId: outcome.adjustmentId, matchGroupId: outcome.matchGroupId } : { status: 'apply_failed', reason: outcome.reason };
}

/**
 * `deferApply`: the approval that completes the approvals commits as
 * `approved`, and the caller queues its apply (by decision id) — for
 * deployments whose applies should not hold a request.
 */
export async function approveAndApply(db: Database, input: DecisionBase & { comment?: string | undefined; twoApproverAbove?: string | undefined; deferApply?: boolean }): Promise<ApprovalResult> {
  return db.transaction(async (tx) => {
    const { row, suggestion: current, approvers: prior } = await lockWithSuggestion(tx, input.exceptionId);
    assertExpectedVersion(row, input.expectedVersion);
    const { to, have, need, complete, suggestion } = checkApprove(row, current, prior, input);
    const id = randomUUID();
    await tx.insert(decisions).values({ id, exceptionId: row.id, suggestionId: suggestion.id, suggestionVersion: suggestion.version, kind: 'approve', actorId: input.actorId, reason: input.comment ?? null, createdAt: input.now });
    const approvals = { have, need };
    const entry = approveAuditEntry(input.actorId, id, row, suggestion.version, to, approvals);
    const base = { decision: { id, kind: 'approve' as const, suggestionVersion: suggestion.version }, from: row.status, approvals, complete };
    if (!complete || input.deferApply) {
      const states = await bumpStatuses(tx, [{ row, status: to, toVersion: row.version + 1 }], input.now);
      await appendAudit(tx, [entry], input.now);
      return { ...base, exception: states.get(row.id)!, ...(complete ? { apply: { status: 'queued' as const, decisionId: id } } : {}) };
    }
    // The approval's version bump and the apply's, folded into one UPDATE: the versions are those of two steps.
    const approved = { ...row, status: to, version: row.version + 1 };
    const outcome = (await applyLocked(tx, [{ row: approved, suggestion, decisionId: id }], input.actorId, input.now)).get(row.id)!;
    if (outcome.status === 'deferred') throw new Error('unreachable: a single apply has nothing to wait for');
    const states = await bumpStatuses(tx, [{ row, status: outcome.to, toVersion: row.version + 2 }], input.now);
    await appendAudit(tx, [entry, outcome.audit], input.now);
    const apply: ApplySummary = outcome.status === 'applied' ? { status: 'applied', adjustmentId: outcome.adjustmentId, matchGroupId: outcome.matchGroupId } : { status: 'apply_failed', reason: outcome.reason };
    return { ...base, exception: states.get(row.id)!, apply };
  });
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
  input: { ids?: readonly string[] | undefined; filter?: ExceptionFilter | undefined; actorId: string; comment?: string | undefined; twoApproverAbove?: string | undefined; now: () => Date; deferApply?: boolean },
): Promise<BulkApproveResult> {
  const targets = await bulkTargets(db, { ids: input.ids, filter: input.filter, limit: BULK_APPROVE_LIMIT });
  const approved: BulkApproveResult['approved'][number][] = [];
  const pending: BulkApproveResult['pending'][number][] = [];
  const skipped: BulkApproveResult['skipped'][number][] = targets.unmatched.map((id) => ({ id, reason: 'not_found' as const, message: input.filter ? 'No such exception, or it does not match the filter.' : 'No such exception.' }));
  const results = await approveBatch(db, targets.ids, { actorId: input.actorId, comment: input.comment, twoApproverAbove: input.twoApproverAbove, now: input.now() });
  const toApply: ApprovedForApply[] = [];
  for (const r of results.values()) if (r.ok && r.complete) toApply.push({ row: r.row, suggestion: r.suggestion, decisionId: r.decisionId });
  const queued = new Map(input.deferApply ? toApply.map((t) => [t.row.id, t.decisionId] as const) : []);
  const applied = await applyApproved(db, input.deferApply ? [] : toApply, input.actorId, input.now);
  for (const exceptionId of targets.ids) {
    const r = results.get(exceptionId)!;
    if (!r.ok) {
      const reason = skipReason(r.error);
      if (!reason) throw r.error;
      const status = typeof r.error.details.status === 'string' ? r.error.details.status : undefined;
      skipped.push({ id: exceptionId, reason, message: r.error.message, ...(status ? { status } : {}) });
      continue;
    }
    const a = applied.get(exceptionId);
    const state = a && a.status !== 'not_applied' ? a.exception : r.row;
    const base = { id: exceptionId, status: state.status, version: state.version };
    const decisionId = queued.get(exceptionId);
    if (decisionId) approved.push({ ...base, apply: { status: 'queued', decisionId } });
    else if (r.approvals.have >= r.approvals.need) approved.push({ ...base, ...(a ? { apply: a.status === 'applied' ? { status: 'applied' as const, adjustmentId: a.adjustmentId, matchGroupId: a.matchGroupId } : a.status === 'apply_failed' ? { status: 'apply_failed' as const, reason: a.reason } : { status: 'not_applied' as const, reason: a.reason } } : {}) });
    else pending.push({ ...base, approvals: r.approvals });
  }
  return { approved, pending, skipped, remaining: targets.remaining };
}
