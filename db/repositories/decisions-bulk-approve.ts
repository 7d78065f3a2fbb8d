/**
 * Bulk approval, set-based: ONE transaction locks the whole set of exception
 * rows (in id order, so it queues behind — never deadlocks with — a single
 * decision or another bulk call), reads their current suggestions and prior
 * approvers in two queries, runs each through the same checks as a single
 * approval (`checkApprove`: legality, verified, maker-checker), then writes
 * every decision in one INSERT, every status and version bump in one UPDATE
 * and every audit entry in one append. Refused ones are reported with their
 * reason and change nothing. The approvals commit before any apply, so a
 * failed apply never takes an approval back.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError, isAppError } from '../../core/errors/app-error.ts';
import type { ExceptionStatus } from '../../core/statuses.ts';
import type { Database } from '../client.ts';
import { decisions } from '../schema/decisions.ts';
import { exceptions, type ExceptionRow } from '../schema/exceptions.ts';
import { suggestions, type SuggestionRow } from '../schema/suggestions.ts';
import { appendAudit, type AuditInput } from './audit-repository.ts';
import { bumpStatuses } from './decisions-locking.ts';
import { checkApprove } from './decisions-repository.ts';

export interface BatchApproval {
  readonly ok: true;
  /** The row as this approval left it (status and version), still the caller's to apply. */
  readonly row: ExceptionRow;
  readonly from: ExceptionStatus;
  readonly suggestion: SuggestionRow;
  readonly decisionId: string;
  readonly approvals: { readonly have: number; readonly need: number };
  readonly complete: boolean;
}

export type BatchApprovalResult = BatchApproval | { readonly ok: false; readonly error: AppError };

export function approveAuditEntry(actorId: string, decisionId: string, row: ExceptionRow, suggestionVersion: number, to: ExceptionStatus, approvals: { have: number; need: number }): AuditInput {
  return { actor: actorId, action: 'decision.approve', entityType: 'decision', entityId: decisionId, payload: { exceptionId: row.id, suggestionVersion, from: row.status, to, approvals } };
}

/** Approves `ids` (in the order given, which the answer keeps) as one transaction. */
export async function approveBatch(
  db: Database,
  ids: readonly string[],
  input: { actorId: string; comment?: string | undefined; twoApproverAbove?: string | undefined; now: Date },
): Promise<Map<string, BatchApprovalResult>> {
  return db.transaction(async (tx) => {
    const out = new Map<string, BatchApprovalResult>();
    if (ids.length === 0) return out;
    const rows = await tx.select().from(exceptions).where(inArray(exceptions.id, [...ids])).orderBy(asc(exceptions.id)).for('update');
    const byId = new Map(rows.map((r) => [r.id, r]));
    const withVersion = rows.filter((r) => r.currentSuggestionVersion !== null);
    const all = withVersion.length === 0 ? [] : await tx.select().from(suggestions).where(inArray(suggestions.exceptionId, withVersion.map((r) => r.id)));
    const current = new Map(all.filter((s) => byId.get(s.exceptionId)?.currentSuggestionVersion === s.version).map((s) => [s.exceptionId, s]));
    const suggestionIds = [...current.values()].map((s) => s.id);
    const priorRows =
      suggestionIds.length === 0
        ? []
        : await tx
            .select({ suggestionId: decisions.suggestionId, actorId: decisions.actorId })
            .from(decisions)
            .where(and(inArray(decisions.suggestionId, suggestionIds), eq(decisions.kind, 'approve')))
            .orderBy(decisions.createdAt, decisions.id);
    const prior = new Map<string, string[]>();
    for (const p of priorRows) if (p.suggestionId && p.actorId) prior.set(p.suggestionId, [...(prior.get(p.suggestionId) ?? []), p.actorId]);

    const accepted: { row: ExceptionRow; to: ExceptionStatus; suggestion: SuggestionRow; decisionId: string; approvals: { have: number; need: number }; complete: boolean }[] = [];
    for (const id of ids) {
      const row = byId.get(id);
      if (!row) {
        out.set(id, { ok: false, error: new AppError('not_found', `No exception ${id}`, { details: { exceptionId: id } }) });
        continue;
      }
      const suggestion = current.get(id);
      try {
        const c = checkApprove(row, suggestion, suggestion ? (prior.get(suggestion.id) ?? []) : [], input);
        accepted.push({ row, to: c.to, suggestion: c.suggestion, decisionId: randomUUID(), approvals: { have: c.have, need: c.need }, complete: c.complete });
      } catch (error) {
        if (!isAppError(error)) throw error;
        out.set(id, { ok: false, error });
      }
    }
    if (accepted.length === 0) return out;
    await tx.insert(decisions).values(
      accepted.map((a) => ({ id: a.decisionId, exceptionId: a.row.id, suggestionId: a.suggestion.id, suggestionVersion: a.suggestion.version, kind: 'approve' as const, actorId: input.actorId, reason: input.comment ?? null, createdAt: input.now })),
    );
    await bumpStatuses(tx, accepted.map((a) => ({ row: a.row, status: a.to, toVersion: a.row.version + 1 })), input.now);
    await appendAudit(tx, accepted.map((a) => approveAuditEntry(input.actorId, a.decisionId, a.row, a.suggestion.version, a.to, a.approvals)), input.now);
    for (const a of accepted) {
      out.set(a.row.id, { ok: true, row: { ...a.row, status: a.to, version: a.row.version + 1, updatedAt: input.now }, from: a.row.status, suggestion: a.suggestion, decisionId: a.decisionId, approvals: a.approvals, complete: a.complete });
    }
    return out;
  });
}
