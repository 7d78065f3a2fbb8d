/**
 * The concurrency discipline every decision and apply follows: inside its
 * transaction it locks the exception row (`SELECT … FOR UPDATE`), checks
 * the client's `expectedVersion`, and writes the new status with
 * `version = version + 1 WHERE version = <read>`. Two concurrent decisions
 * on one exception therefore run one after the other; the second sees the
 * first's outcome and is refused with the current state (409), never
 * applied on top of something it did not see.
 */
import { and, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { ExceptionStatus } from '../../core/statuses.ts';
import type { Database } from '../client.ts';
import { decisions } from '../schema/decisions.ts';
import { exceptions, type ExceptionRow, type NewException } from '../schema/exceptions.ts';
import { suggestions, type SuggestionRow } from '../schema/suggestions.ts';

/** What every decision answers with: where the exception is now. */
export interface ExceptionState {
  readonly id: string;
  readonly status: ExceptionStatus;
  readonly version: number;
  readonly currentSuggestionVersion: number | null;
}

export const stateOf = (row: Pick<ExceptionRow, 'id' | 'status' | 'version' | 'currentSuggestionVersion'>): ExceptionState => ({
  id: row.id,
  status: row.status,
  version: row.version,
  currentSuggestionVersion: row.currentSuggestionVersion,
});

export async function lockException(tx: Database, exceptionId: string): Promise<ExceptionRow> {
  const [row] = await tx.select().from(exceptions).where(eq(exceptions.id, exceptionId)).for('update');
  if (!row) throw new AppError('not_found', `No exception ${exceptionId}`, { details: { exceptionId } });
  return row;
}

/**
 * The locked row, its current suggestion and that version's prior human
 * approvers in one round trip (the suggestion is read, not locked: a new
 * version changes the exception row, which this holds).
 */
export async function lockWithSuggestion(tx: Database, exceptionId: string): Promise<{ row: ExceptionRow; suggestion: SuggestionRow | undefined; approvers: string[] }> {
  const [found] = await tx
    .select({
      row: getTableColumns(exceptions),
      suggestion: getTableColumns(suggestions),
      approvers: sql<string[] | null>`(select array_agg(d.actor_id order by d.created_at, d.id) from ${decisions} d where d.suggestion_id = ${suggestions.id} and d.kind = 'approve' and d.actor_id is not null)`,
    })
    .from(exceptions)
    .leftJoin(suggestions, and(eq(suggestions.exceptionId, exceptions.id), eq(suggestions.version, exceptions.currentSuggestionVersion)))
    .where(eq(exceptions.id, exceptionId))
    .for('update', { of: exceptions });
  if (!found) throw new AppError('not_found', `No exception ${exceptionId}`, { details: { exceptionId } });
  return { row: found.row, suggestion: found.suggestion ?? undefined, approvers: found.approvers ?? [] };
}

export function assertExpectedVersion(row: ExceptionRow, expectedVersion: number | undefined): void {
  if (expectedVersion === undefined || expectedVersion === row.version) return;
  throw new AppError('conflict', `The exception changed since you loaded it (version ${expectedVersion}, now ${row.version}, ${row.status}); reload and decide again.`, {
    details: { ...stateOf(row), expectedVersion },
  });
}

/** Writes the patch and bumps the version, only if nobody else did since `row` was read. */
export async function bumpException(tx: Database, row: ExceptionRow, patch: Partial<NewException>, now: Date): Promise<ExceptionState> {
  const [updated] = await tx
    .update(exceptions)
    .set({ ...patch, version: row.version + 1, updatedAt: now })
    .where(and(eq(exceptions.id, row.id), eq(exceptions.version, row.version)))
    .returning();
  // Unreachable under the row lock; kept so a caller that forgot the lock still cannot lose an update.
  if (!updated) throw new AppError('conflict', `The exception ${row.id} changed concurrently; reload and decide again.`, { details: { ...stateOf(row) } });
  return stateOf(updated);
}

/**
 * Many rows' new statuses in one UPDATE: each row goes from the version the
 * caller read under its lock to `toVersion` (one per decision or outcome
 * folded in). A row whose version moved meanwhile is not written, and the
 * whole call refuses, as `bumpException` does for one.
 */
export async function bumpStatuses(tx: Database, items: readonly { row: ExceptionRow; status: ExceptionStatus; toVersion: number }[], now: Date): Promise<Map<string, ExceptionState>> {
  const out = new Map<string, ExceptionState>();
  if (items.length === 0) return out;
  const when = (value: (i: (typeof items)[number]) => SQL) => sql.join([sql`case ${exceptions.id}`, ...items.map((i) => sql`when ${i.row.id}::uuid then ${value(i)}`), sql`end`], sql` `);
  const updated = await tx
    .update(exceptions)
    .set({ status: when((i) => sql`${i.status}::exception_status`), version: when((i) => sql`${i.toVersion}::integer`), updatedAt: now })
    .where(and(inArray(exceptions.id, items.map((i) => i.row.id)), sql`${exceptions.version} = ${when((i) => sql`${i.row.version}::integer`)}`))
    .returning({ id: exceptions.id, status: exceptions.status, version: exceptions.version, currentSuggestionVersion: exceptions.currentSuggestionVersion });
  // Unreachable under the row locks; kept so a caller that forgot them still cannot lose an update.
  if (updated.length !== items.length) throw new AppError('conflict', 'Some of the exceptions changed concurrently; reload and decide again.');
  for (const u of updated) out.set(u.id, stateOf(u));
  return out;
}

export async function currentSuggestion(tx: Database, row: ExceptionRow): Promise<SuggestionRow | undefined> {
  if (row.currentSuggestionVersion === null) return undefined;
  const [s] = await tx
    .select()
    .from(suggestions)
    .where(and(eq(suggestions.exceptionId, row.id), eq(suggestions.version, row.currentSuggestionVersion)));
  return s;
}

/** Actors of the human approvals of one suggestion version, oldest first. */
export async function approversOf(tx: Database, suggestionId: string): Promise<string[]> {
  const rows = await tx
    .select({ actorId: decisions.actorId })
    .from(decisions)
    .where(and(eq(decisions.suggestionId, suggestionId), eq(decisions.kind, 'approve')))
    .orderBy(decisions.createdAt, decisions.id);
  return rows.map((r) => r.actorId).filter((id): id is string => id !== null);
}

/** The approval an apply carries out: the latest approve or auto-approve of the current version. */
export async function decidingApproval(tx: Database, row: ExceptionRow, suggestionId: string): Promise<{ id: string } | undefined> {
  const rows = await tx
    .select({ id: decisions.id, kind: decisions.kind })
    .from(decisions)
    .where(and(eq(decisions.exceptionId, row.id), eq(decisions.suggestionId, suggestionId)))
    .orderBy(desc(decisions.createdAt), desc(decisions.id));
  return rows.find((d) => d.kind === 'approve' || d.kind === 'auto_approve');
}
