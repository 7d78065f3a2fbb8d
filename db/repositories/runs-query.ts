/**
 * Runs for the API: newest first in keyset pages (created_at, id), one run
 * with its figures, and how many of its exceptions are in each status
 * (`exceptions_run_idx` is (run_id, status), so the count reads the index).
 */
import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ExceptionStatus, RunStatus } from '../../core/statuses.ts';
import type { Database } from '../client.ts';
import { exceptions } from '../schema/exceptions.ts';
import { runs, type Run } from '../schema/runs.ts';
import { decodeCursor, encodeCursor, invalidCursor } from './page-cursor.ts';

export interface RunFilter {
  readonly reconciliationId?: string;
  readonly statuses?: readonly RunStatus[];
}

const SORT = 'createdAt:desc';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
/** Microsecond precision, as the cursor needs (see exceptions-query.ts). */
const createdKey = sql<string>`to_char(${runs.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export async function listRuns(db: Database, request: { filter: RunFilter; limit: number; cursor?: string }): Promise<{ items: Run[]; nextCursor: string | null }> {
  const f = request.filter;
  const conditions: (SQL | undefined)[] = [
    f.reconciliationId ? eq(runs.reconciliationId, f.reconciliationId) : undefined,
    f.statuses?.length ? inArray(runs.status, [...f.statuses]) : undefined,
  ];
  if (request.cursor) {
    const [key, id] = decodeCursor(request.cursor, SORT, 2);
    if (typeof key !== 'string' || !TIMESTAMP.test(key) || typeof id !== 'string' || !UUID.test(id)) throw invalidCursor();
    conditions.push(sql`(${runs.createdAt}, ${runs.id}) < (${key}::timestamptz, ${id}::uuid)`);
  }
  const rows = await db
    .select({ run: runs, key: createdKey })
    .from(runs)
    .where(and(...conditions))
    .orderBy(desc(runs.createdAt), desc(runs.id))
    .limit(request.limit + 1);
  const page = rows.slice(0, request.limit);
  const last = page.at(-1);
  return { items: page.map((r) => r.run), nextCursor: rows.length > request.limit && last ? encodeCursor({ sort: SORT, key: [last.key, last.run.id] }) : null };
}

export async function runById(db: Database, id: string): Promise<Run | undefined> {
  const [row] = await db.select().from(runs).where(eq(runs.id, id)).limit(1);
  return row;
}

export async function runExceptionCounts(db: Database, runId: string): Promise<Partial<Record<ExceptionStatus, number>>> {
  const rows = await db.select({ status: exceptions.status, n: count() }).from(exceptions).where(eq(exceptions.runId, runId)).groupBy(exceptions.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
