/**
 * The apply of exceptions whose approval the caller holds under its row lock
 * (same transaction): their breaks are loaded in one go (decisions-context
 * `loadStoredBreaks`), each plan is made (pure), and each plan's writes run
 * in a savepoint, so one apply that fails rolls back only its own effects
 * and is recorded `apply_failed` while the others stand. The caller writes
 * the statuses and the audit entries with its own, so a whole batch costs a
 * handful of round trips instead of a dozen per exception.
 */
import { planApply } from '../../core/apply/plan-apply.ts';
import { isAppError } from '../../core/errors/app-error.ts';
import type { ExceptionStatus } from '../../core/statuses.ts';
import { resolutionSchema } from '../../core/taxonomy/actions.ts';
import type { Database } from '../client.ts';
import type { ExceptionRow } from '../schema/exceptions.ts';
import type { SuggestionRow } from '../schema/suggestions.ts';
import { writeEffects, type WrittenEffects } from './apply-effects.ts';
import type { AuditInput } from './audit-repository.ts';
import { loadStoredBreaks, type StoredBreakState } from './decisions-context.ts';

export interface LockedApproval {
  /** Locked by the caller, as it stands (approved, or about to be in the caller's update). */
  readonly row: ExceptionRow;
  readonly suggestion: SuggestionRow;
  readonly decisionId: string;
}

export type LockedApplyOutcome =
  | ({ readonly status: 'applied'; readonly to: ExceptionStatus; readonly audit: AuditInput } & WrittenEffects)
  | { readonly status: 'apply_failed'; readonly to: ExceptionStatus; readonly reason: string; readonly audit: AuditInput }
  /** Its records overlap an earlier apply's effects in this batch: apply it on its own, after, so it plans against them. */
  | { readonly status: 'deferred' };

/** The reconciled account's GL code: the reconciliation's book account, else the book records' own. */
export function bookAccountOf(row: ExceptionRow, stored: StoredBreakState): string {
  return stored.internalAccount ?? stored.context.internal[0]?.account ?? row.account;
}

const failure = (a: LockedApproval, actor: string, reason: string): LockedApplyOutcome => ({
  status: 'apply_failed',
  to: 'apply_failed',
  reason,
  audit: { actor, action: 'effect.failed', entityType: 'exception', entityId: a.row.id, payload: { exceptionId: a.row.id, decisionId: a.decisionId, reason } },
});

/** Errors that are not an apply's to keep: the caller's transaction fails with them, as the one-by-one apply would. */
const mustPropagate = (error: unknown) => isAppError(error) && (error.code === 'illegal_transition' || error.code === 'not_found' || error.retryable);

export async function applyLocked(tx: Database, items: readonly LockedApproval[], actor: string, now: Date): Promise<Map<string, LockedApplyOutcome>> {
  const out = new Map<string, LockedApplyOutcome>();
  const stored = await loadStoredBreaks(tx, items.map((a) => a.row), { lockRecords: true });
  const touched = new Set<string>();
  for (const a of items) {
    const state = stored.get(a.row.id)!;
    if (state.rows.some((r) => touched.has(r.id))) {
      out.set(a.row.id, { status: 'deferred' });
      continue;
    }
    const resolution = resolutionSchema.safeParse(a.suggestion.resolution);
    if (!resolution.success) {
      out.set(a.row.id, failure(a, actor, `The approved resolution is not valid: ${resolution.error.message}`));
      continue;
    }
    const planned = planApply({
      exceptionId: a.row.id,
      decisionId: a.decisionId,
      type: a.suggestion.type,
      resolution: resolution.data,
      context: state.context,
      superseded: state.superseded,
      confirmed: state.confirmed,
      gl: { bookAccount: bookAccountOf(a.row, state), glCodes: state.glCodes },
    });
    if (!planned.ok) {
      out.set(a.row.id, failure(a, actor, planned.reason));
      continue;
    }
    const plan = planned.plan;
    const writes = plan.effect !== null || plan.matchGroup !== null || plan.supersede.length > 0 || plan.corrections.length > 0;
    let written: WrittenEffects = { adjustmentId: null, matchGroupId: null, correctedRecordIds: [] };
    if (writes) {
      try {
        // A savepoint: a write that fails takes back only this apply's effects.
        written = await tx.transaction((sp) => writeEffects(sp, plan, { row: a.row, decisionId: a.decisionId, records: state.rows, now }));
      } catch (error) {
        if (mustPropagate(error)) throw error;
        out.set(a.row.id, failure(a, actor, isAppError(error) ? error.message : `The effects could not be written: ${error instanceof Error ? error.message : String(error)}`));
        continue;
      }
      for (const r of state.rows) touched.add(r.id);
    }
    const entity = written.adjustmentId ? { entityType: 'adjustment' as const, entityId: written.adjustmentId } : { entityType: 'exception' as const, entityId: a.row.id };
    out.set(a.row.id, {
      status: 'applied',
      to: 'applied',
      ...written,
      audit: {
        actor,
        action: 'effect.applied',
        ...entity,
        payload: { exceptionId: a.row.id, decisionId: a.decisionId, action: resolution.data.action, kind: plan.effect?.kind ?? 'none', lines: plan.effect?.lines.map((l) => ({ ...l })) ?? [], matchGroupId: written.matchGroupId, superseded: [...plan.supersede], corrected: [...written.correctedRecordIds] },
      },
    });
  }
  return out;
}
