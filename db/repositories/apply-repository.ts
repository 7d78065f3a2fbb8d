/**
 * Applies an exception's approved resolution: in ONE transaction it locks
 * the exception and the break's records, plans the effects (pure, in
 * core/apply), writes them, marks the exception `applied` and appends the
 * audit entry. A plan that cannot be carried out (the books changed, the
 * resolution no longer verifies), or a write that fails, leaves every effect
 * unwritten and the exception `apply_failed`, with the reason in the audit
 * log (`effect.failed`; `lastApplyFailure` reads it back). Retrying is the
 * same call. Idempotent by decision: the adjustment is keyed by the decision
 * it carries out, and an exception already applied is refused by the state
 * machine.
 */
import { and, desc, eq } from 'drizzle-orm';
import { planApply } from '../../core/apply/plan-apply.ts';
import { AppError, isAppError } from '../../core/errors/app-error.ts';
import { nextStatus } from '../../core/review/review-machine.ts';
import { resolutionSchema } from '../../core/taxonomy/actions.ts';
import type { Database } from '../client.ts';
import { auditLog } from '../schema/audit-log.ts';
import { bookAccountOf } from './apply-batch.ts';
import { existingEffect, writeEffects } from './apply-effects.ts';
import { appendAudit } from './audit-repository.ts';
import { loadStoredBreak } from './decisions-context.ts';
import { bumpException, currentSuggestion, decidingApproval, lockException, type ExceptionState } from './decisions-locking.ts';

export interface ApplyRequest {
  readonly exceptionId: string;
  /** Who asked (the approver whose approval completed it, or who retried); null: the system. */
  readonly actorId: string | null;
  readonly now: Date;
}

export type ApplyOutcome =
  | { readonly status: 'applied'; readonly exception: ExceptionState; readonly decisionId: string; readonly adjustmentId: string | null; readonly matchGroupId: string | null; readonly correctedRecordIds: readonly string[] }
  | { readonly status: 'apply_failed'; readonly exception: ExceptionState; readonly decisionId: string | null; readonly reason: string };

class PlanRefused extends Error {}

async function applyOnce(db: Database, request: ApplyRequest, actor: string) {
  return db.transaction(async (tx) => {
    const row = await lockException(tx, request.exceptionId);
    nextStatus(row.status, 'apply');
    const suggestion = await currentSuggestion(tx, row);
    const decision = suggestion ? await decidingApproval(tx, row, suggestion.id) : undefined;
    if (!suggestion || !decision) throw new AppError('conflict', `Exception ${row.id} has no approval of its current suggestion to apply`, { details: { status: row.status, version: row.version } });
    const done = await existingEffect(tx, decision.id);
    if (done) {
      // An earlier attempt of this decision got as far as its effect: only the status is missing.
      const exception = await bumpException(tx, row, { status: 'applied' }, request.now);
      return { status: 'applied' as const, exception, decisionId: decision.id, adjustmentId: done, matchGroupId: null, correctedRecordIds: [] };
    }
    const stored = await loadStoredBreak(tx, row, { lockRecords: true });
    const resolution = resolutionSchema.parse(suggestion.resolution);
    const planned = planApply({
      exceptionId: row.id,
      decisionId: decision.id,
      type: suggestion.type,
      resolution,
      context: stored.context,
      superseded: stored.superseded,
      confirmed: stored.confirmed,
      gl: { bookAccount: bookAccountOf(row, stored), glCodes: stored.glCodes },
    });
    if (!planned.ok) throw new PlanRefused(planned.reason);
    const written = await writeEffects(tx, planned.plan, { row, decisionId: decision.id, records: stored.rows, now: request.now });
    const exception = await bumpException(tx, row, { status: 'applied' }, request.now);
    const entity = written.adjustmentId ? { entityType: 'adjustment' as const, entityId: written.adjustmentId } : { entityType: 'exception' as const, entityId: row.id };
    await appendAudit(
      tx,
      [{ actor, action: 'effect.applied', ...entity, payload: { exceptionId: row.id, decisionId: decision.id, action: resolution.action, kind: planned.plan.effect?.kind ?? 'none', lines: planned.plan.effect?.lines.map((l) => ({ ...l })) ?? [], matchGroupId: written.matchGroupId, superseded: [...planned.plan.supersede], corrected: [...written.correctedRecordIds] } }],
      request.now,
    );
    return { status: 'applied' as const, exception, decisionId: decision.id, ...written };
  });
}

/** Records the failure on its own: the effects' transaction is gone, the reason stays. */
async function recordFailure(db: Database, request: ApplyRequest, actor: string, reason: string): Promise<ApplyOutcome> {
  return db.transaction(async (tx) => {
    const row = await lockException(tx, request.exceptionId);
    const to = nextStatus(row.status, 'apply_fail');
    const suggestion = await currentSuggestion(tx, row);
    const decision = suggestion ? await decidingApproval(tx, row, suggestion.id) : undefined;
    const exception = await bumpException(tx, row, { status: to }, request.now);
    await appendAudit(tx, [{ actor, action: 'effect.failed', entityType: 'exception', entityId: row.id, payload: { exceptionId: row.id, decisionId: decision?.id ?? null, reason } }], request.now);
    return { status: 'apply_failed', exception, decisionId: decision?.id ?? null, reason };
  });
}

/** Applies, or records why it could not; throws only when the exception is not in a state to apply (409) or not found. */
export async function applyException(db: Database, request: ApplyRequest): Promise<ApplyOutcome> {
  const actor = request.actorId ?? 'system';
  try {
    return await applyOnce(db, request, actor);
  } catch (error) {
    if (isAppError(error) && (error.code === 'illegal_transition' || error.code === 'not_found' || error.retryable)) throw error;
    const reason = error instanceof PlanRefused || isAppError(error) ? error.message : `The effects could not be written: ${error instanceof Error ? error.message : String(error)}`;
    return recordFailure(db, request, actor, reason);
  }
}

/** The reason of the latest failed apply of an exception, for its detail view. */
export async function lastApplyFailure(db: Database, exceptionId: string): Promise<{ at: Date; reason: string } | undefined> {
  const [entry] = await db
    .select({ at: auditLog.at, payload: auditLog.payload })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'exception'), eq(auditLog.entityId, exceptionId), eq(auditLog.action, 'effect.failed')))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return entry ? { at: entry.at, reason: String(entry.payload.reason ?? '') } : undefined;
}
