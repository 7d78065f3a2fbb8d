/**
 * Which exceptions a bulk approval looks at: the ids given, narrowed by the
 * queue's filters, oldest first (the queue's order), at most `limit`. With no
 * status filter only exceptions that can take an approval are picked, so a
 * filter-only call does not report every applied exception as skipped.
 */
import { and, asc, count, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { ExceptionFilter } from '../../core/review/decision-requests.ts';
import { APPROVABLE_STATUSES } from '../../core/review/review-machine.ts';
import type { Database } from '../client.ts';
import { exceptions } from '../schema/exceptions.ts';

function conditions(ids: readonly string[] | undefined, filter: ExceptionFilter | undefined): SQL[] {
  const where: SQL[] = [];
  if (ids) where.push(inArray(exceptions.id, [...ids]));
  const f = filter ?? {};
  if (f.status) where.push(inArray(exceptions.status, f.status));
  else if (!ids) where.push(inArray(exceptions.status, [...APPROVABLE_STATUSES]));
  if (f.type) where.push(inArray(exceptions.type, f.type));
  if (f.cause) where.push(inArray(exceptions.cause, f.cause));
  if (f.source) where.push(inArray(exceptions.source, f.source));
  if (f.account) where.push(inArray(exceptions.account, f.account));
  if (f.run) where.push(eq(exceptions.runId, f.run));
  if (f.reconciliation) where.push(eq(exceptions.reconciliationId, f.reconciliation));
  // numeric columns compare with the decimal text exactly (no float on the way).
  if (f.minConfidence !== undefined) where.push(gte(exceptions.confidence, f.minConfidence));
  if (f.maxConfidence !== undefined) where.push(lte(exceptions.confidence, f.maxConfidence));
  if (f.minAmount !== undefined) where.push(gte(exceptions.amount, f.minAmount));
  if (f.maxAmount !== undefined) where.push(lte(exceptions.amount, f.maxAmount));
  return where;
}

export interface BulkTargets {
  /** Ids found, oldest first. */
  readonly ids: readonly string[];
  /** Ids asked for that do not exist (or do not pass the filter). */
  readonly unmatched: readonly string[];
  /** Matches beyond the limit, left for another call. */
  readonly remaining: number;
}

export async function bulkTargets(db: Database, input: { ids?: readonly string[] | undefined; filter?: ExceptionFilter | undefined; limit: number }): Promise<BulkTargets> {
  const where = and(...conditions(input.ids, input.filter));
  const rows = await db.select({ id: exceptions.id }).from(exceptions).where(where).orderBy(asc(exceptions.openedAt), asc(exceptions.id)).limit(input.limit);
  const [total] = await db.select({ n: count() }).from(exceptions).where(where);
  const found = rows.map((r) => r.id);
  const seen = new Set(found);
  const unmatched = input.ids ? [...new Set(input.ids)].filter((id) => !seen.has(id)) : [];
  return { ids: found, unmatched, remaining: Math.max(0, (total?.n ?? 0) - found.length) };
}
