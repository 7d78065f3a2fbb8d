/**
 * Configured reconciliations: read, create, update. Every change is one
 * transaction with its audit entry, so the log never misses a change to the
 * rules a run matches by.
 */
import { asc, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { Database } from '../client.ts';
import { reconciliations, type NewReconciliation, type Reconciliation } from '../schema/reconciliations.ts';
import { appendAudit } from './audit-repository.ts';
import { violatedConstraint } from './imports-repository.ts';

export type ReconciliationFields = Omit<NewReconciliation, 'id' | 'createdAt' | 'updatedAt'>;

export async function listReconciliations(db: Database): Promise<Reconciliation[]> {
  // A handful per installation: one page, in id order.
  return db.select().from(reconciliations).orderBy(asc(reconciliations.id));
}

export async function reconciliationById(db: Database, id: string): Promise<Reconciliation | undefined> {
  const [row] = await db.select().from(reconciliations).where(eq(reconciliations.id, id)).limit(1);
  return row;
}

export async function createReconciliation(db: Database, input: ReconciliationFields & { id: string }, actor: string, now: Date): Promise<Reconciliation> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(reconciliations).values({ ...input, createdAt: now, updatedAt: now }).returning();
      await appendAudit(tx, [{ actor, action: 'reconciliation.created', entityType: 'reconciliation', entityId: input.id, payload: { ...input } }], now);
      return row!;
    });
  } catch (error) {
    if (violatedConstraint(error) === 'reconciliations_pkey') throw new AppError('conflict', `A reconciliation "${input.id}" already exists`, { cause: error, details: { id: input.id } });
    throw error;
  }
}

/** Replaces the given fields; the audit entry keeps what they were before. */
export async function updateReconciliation(db: Database, id: string, fields: Partial<ReconciliationFields>, actor: string, now: Date): Promise<Reconciliation> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(reconciliations).where(eq(reconciliations.id, id)).for('update');
    if (!before) throw new AppError('not_found', `No reconciliation "${id}"`);
    const [row] = await tx.update(reconciliations).set({ ...fields, updatedAt: now }).where(eq(reconciliations.id, id)).returning();
    const previous = Object.fromEntries(Object.keys(fields).map((k) => [k, before[k as keyof Reconciliation]]));
    await appendAudit(tx, [{ actor, action: 'reconciliation.updated', entityType: 'reconciliation', entityId: id, payload: { changed: { ...fields }, previous } }], now);
    return row!;
  });
}

/** Removes a reconciliation; its runs stay (their reconciliation becomes null), the audit entry keeps what it was. */
export async function deleteReconciliation(db: Database, id: string, actor: string, now: Date): Promise<Reconciliation> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(reconciliations).where(eq(reconciliations.id, id)).for('update');
    if (!before) throw new AppError('not_found', `No reconciliation "${id}"`);
    await tx.delete(reconciliations).where(eq(reconciliations.id, id));
    await appendAudit(tx, [{ actor, action: 'reconciliation.deleted', entityType: 'reconciliation', entityId: id, payload: { previous: { ...before, createdAt: before.createdAt.toISOString(), updatedAt: before.updatedAt.toISOString() } } }], now);
    return before;
  });
}
