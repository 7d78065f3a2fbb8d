/**
 * Applies freshly approved exceptions in batches, each batch one
 * transaction: the rows are locked again (id order), the ones still exactly
 * as their approval left them are applied together (apply-batch
 * `applyLocked`: one savepoint per apply that writes), and their statuses
 * and audit entries are written in one UPDATE and one append. Whatever does
 * not fit that path — moved by someone else since, records shared with an
 * earlier apply of the batch, or a batch that failed as a whole — is applied
 * one by one with `applyException`, so every exception gets the outcome the
 * one-by-one apply would give it.
 */
import { asc, inArray } from 'drizzle-orm';
import { isAppError } from '../../core/errors/app-error.ts';
import type { Database } from '../client.ts';
import { exceptions, type ExceptionRow } from '../schema/exceptions.ts';
import type { SuggestionRow } from '../schema/suggestions.ts';
import { applyLocked, type LockedApplyOutcome } from './apply-batch.ts';
import { applyException } from './apply-repository.ts';
import { appendAudit } from './audit-repository.ts';
import { bumpStatuses, type ExceptionState } from './decisions-locking.ts';

export interface ApprovedForApply {
  /** The row as the approval left it. */
  readonly row: ExceptionRow;
  readonly suggestion: SuggestionRow;
  readonly decisionId: string;
}

export type BulkApplyOutcome =
  | { readonly status: 'applied'; readonly exception: ExceptionState; readonly adjustmentId: string | null; readonly matchGroupId: string | null }
  | { readonly status: 'apply_failed'; readonly exception: ExceptionState; readonly reason: string }
  | { readonly status: 'not_applied'; readonly reason: string };

/** Enough to keep a transaction short and its statements' parameter lists small. */
export const APPLY_BATCH = 100;

async function applyChunk(db: Database, chunk: readonly ApprovedForApply[], actor: string, now: Date): Promise<{ done: Map<string, BulkApplyOutcome>; leftover: string[] }> {
  return db.transaction(async (tx) => {
    const rows = await tx.select().from(exceptions).where(inArray(exceptions.id, chunk.map((a) => a.row.id))).orderBy(asc(exceptions.id)).for('update');
    const locked = new Map(rows.map((r) => [r.id, r]));
    const ready = chunk.filter((a) => {
      const r = locked.get(a.row.id);
      return r !== undefined && r.status === 'approved' && r.version === a.row.version;
    });
    const leftover = chunk.filter((a) => !ready.includes(a)).map((a) => a.row.id);
    const outcomes = await applyLocked(tx, ready.map((a) => ({ row: locked.get(a.row.id)!, suggestion: a.suggestion, decisionId: a.decisionId })), actor, now);
    const finished = ready.flatMap((a) => {
      const o = outcomes.get(a.row.id);
      return o && o.status !== 'deferred' ? [{ a, o }] : [];
    });
    leftover.push(...ready.filter((a) => outcomes.get(a.row.id)?.status === 'deferred').map((a) => a.row.id));
    const states = await bumpStatuses(tx, finished.map(({ a, o }) => ({ row: locked.get(a.row.id)!, status: (o as Exclude<LockedApplyOutcome, { status: 'deferred' }>).to, toVersion: a.row.version + 1 })), now);
    await appendAudit(tx, finished.map(({ o }) => (o as Exclude<LockedApplyOutcome, { status: 'deferred' }>).audit), now);
    const done = new Map<string, BulkApplyOutcome>();
    for (const { a, o } of finished) {
      const exception = states.get(a.row.id)!;
      if (o.status === 'applied') done.set(a.row.id, { status: 'applied', exception, adjustmentId: o.adjustmentId, matchGroupId: o.matchGroupId });
      else if (o.status === 'apply_failed') done.set(a.row.id, { status: 'apply_failed', exception, reason: o.reason });
    }
    return { done, leftover };
  });
}

async function applyOne(db: Database, exceptionId: string, actorId: string, now: Date): Promise<BulkApplyOutcome> {
  try {
    const r = await applyException(db, { exceptionId, actorId, now });
    return r.status === 'applied' ? { status: 'applied', exception: r.exception, adjustmentId: r.adjustmentId, matchGroupId: r.matchGroupId } : { status: 'apply_failed', exception: r.exception, reason: r.reason };
  } catch (error) {
    if (isAppError(error) && (error.code === 'illegal_transition' || error.code === 'not_found')) return { status: 'not_applied', reason: error.message };
    throw error;
  }
}

export async function applyApproved(db: Database, items: readonly ApprovedForApply[], actorId: string, now: () => Date, log?: (error: unknown) => void): Promise<Map<string, BulkApplyOutcome>> {
  const out = new Map<string, BulkApplyOutcome>();
  for (let i = 0; i < items.length; i += APPLY_BATCH) {
    const chunk = items.slice(i, i + APPLY_BATCH);
    let leftover: string[];
    try {
      const r = await applyChunk(db, chunk, actorId, now());
      for (const [id, o] of r.done) out.set(id, o);
      leftover = r.leftover;
    } catch (error) {
      // The batch's transaction is gone (a deadlock, say): nothing of it was written, so each is applied on its own.
      log?.(error);
      leftover = chunk.map((a) => a.row.id);
    }
    for (const id of leftover) out.set(id, await applyOne(db, id, actorId, now()));
  }
  return out;
}
