/**
 * The review queue: exceptions filtered, sorted and paged by keyset. Every
 * filter is a column of the exception row (the queue never reads
 * suggestions to filter), and each sort follows an index that starts with
 * the status — `(status, opened_at, id)`, `(status, amount)` — or the sort
 * column alone, so a page reads about `limit` index entries, not the table.
 */
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { ExceptionStatus, SuggestionSource } from '../../core/statuses.ts';
import type { BreakType, ResolutionAction, RootCause } from '../../core/taxonomy/index.ts';
import type { Database } from '../client.ts';
import { exceptions } from '../schema/exceptions.ts';
import { suggestions } from '../schema/suggestions.ts';
import { decodeCursor, encodeCursor, invalidCursor, type CursorValue } from './page-cursor.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

export interface ExceptionFilter {
  readonly statuses?: readonly ExceptionStatus[];
  readonly types?: readonly BreakType[];
  readonly causes?: readonly RootCause[];
  readonly accounts?: readonly string[];
  readonly sources?: readonly SuggestionSource[];
  readonly runId?: string;
  readonly reconciliationId?: string;
  readonly verified?: boolean;
  /** Decimal strings, inclusive. */
  readonly minConfidence?: string;
  readonly maxConfidence?: string;
  readonly minAmount?: string;
  readonly maxAmount?: string;
  /** Exclusive bounds on opened_at. */
  readonly openedAfter?: Date;
  readonly openedBefore?: Date;
  /** Inclusive upper bound on opened_at (an age of at least N days). */
  readonly openedAtMost?: Date;
}

export const EXCEPTION_SORTS = ['openedAt', 'amount', 'confidence'] as const;
export type ExceptionSort = (typeof EXCEPTION_SORTS)[number];
export type SortOrder = 'asc' | 'desc';

export interface ExceptionPageRequest {
  readonly filter: ExceptionFilter;
  readonly sort: ExceptionSort;
  readonly order: SortOrder;
  readonly limit: number;
  readonly cursor?: string;
}

export interface ExceptionListItem {
  readonly id: string;
  readonly status: ExceptionStatus;
  readonly type: BreakType;
  readonly cause: RootCause | null;
  readonly account: string;
  readonly currency: string;
  readonly amount: string;
  readonly difference: string;
  readonly confidence: string | null;
  readonly source: SuggestionSource | null;
  readonly verified: boolean;
  readonly openedAt: Date;
  readonly runId: string;
  readonly reconciliationId: string | null;
  readonly asOf: string;
  readonly assignee: string | null;
  readonly version: number;
  readonly suggestionVersion: number | null;
  readonly action: ResolutionAction | null;
}

const SORT_COLUMNS = { openedAt: exceptions.openedAt, amount: exceptions.amount, confidence: exceptions.confidence } as const;

/**
 * The sort key as text with its full precision: timestamps to the
 * microsecond (a JS Date keeps milliseconds only, and two rows a few
 * microseconds apart would otherwise share a cursor key).
 */
const SORT_KEY_TEXT = {
  openedAt: sql<string>`to_char(${exceptions.openedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  amount: sql<string>`${exceptions.amount}::text`,
  confidence: sql<string | null>`${exceptions.confidence}::text`,
} as const;

const CAST = { openedAt: 'timestamptz', amount: 'numeric', confidence: 'numeric' } as const;

function filterConditions(f: ExceptionFilter): SQL[] {
  const out: (SQL | undefined)[] = [
    f.statuses?.length ? inArray(exceptions.status, [...f.statuses]) : undefined,
    f.types?.length ? inArray(exceptions.type, [...f.types]) : undefined,
    f.causes?.length ? inArray(exceptions.cause, [...f.causes]) : undefined,
    f.accounts?.length ? inArray(exceptions.account, [...f.accounts]) : undefined,
    f.sources?.length ? inArray(exceptions.source, [...f.sources]) : undefined,
    f.runId ? eq(exceptions.runId, f.runId) : undefined,
    f.reconciliationId ? eq(exceptions.reconciliationId, f.reconciliationId) : undefined,
    f.verified === undefined ? undefined : eq(exceptions.verified, f.verified),
    f.minConfidence ? gte(exceptions.confidence, f.minConfidence) : undefined,
    f.maxConfidence ? lte(exceptions.confidence, f.maxConfidence) : undefined,
    f.minAmount ? gte(exceptions.amount, f.minAmount) : undefined,
    f.maxAmount ? lte(exceptions.amount, f.maxAmount) : undefined,
    f.openedAfter ? gt(exceptions.openedAt, f.openedAfter) : undefined,
    f.openedBefore ? lt(exceptions.openedAt, f.openedBefore) : undefined,
    f.openedAtMost ? lte(exceptions.openedAt, f.openedAtMost) : undefined,
  ];
  return out.filter((c): c is SQL => c !== undefined);
}

/**
 * Rows after the cursor in the page order. A row comparison `(key, id) > (…)`
 * is one index range. Confidence may be null: nulls sort last ascending and
 * first descending (PostgreSQL's order for a plain index), i.e. as the largest.
 */
function afterCursor(sort: ExceptionSort, order: SortOrder, key: CursorValue, id: string): SQL {
  const column = SORT_COLUMNS[sort];
  const cmp = order === 'asc' ? sql.raw('>') : sql.raw('<');
  const cast = sql.raw(CAST[sort]);
  if (key === null) {
    const sameNullTie = and(isNull(column), order === 'asc' ? gt(exceptions.id, id) : lt(exceptions.id, id))!;
    return order === 'asc' ? sameNullTie : or(sameNullTie, isNotNull(column))!;
  }
  const row = sql`(${column}, ${exceptions.id}) ${cmp} (${String(key)}::${cast}, ${id}::uuid)`;
  return sort === 'confidence' && order === 'asc' ? or(row, isNull(column))! : row;
}

export async function listExceptions(db: Database, request: ExceptionPageRequest): Promise<{ items: ExceptionListItem[]; nextCursor: string | null }> {
  const { sort, order, limit } = request;
  const sortName = `${sort}:${order}`;
  const conditions = filterConditions(request.filter);
  if (request.cursor) {
    const [key, id] = decodeCursor(request.cursor, sortName, 2);
    // Checked before they reach a cast in SQL, so a forged cursor is a 400, not a database error.
    const keyOk = key === null ? sort === 'confidence' : typeof key === 'string' && (sort === 'openedAt' ? TIMESTAMP : DECIMAL).test(key);
    if (typeof id !== 'string' || !UUID.test(id) || !keyOk) throw invalidCursor();
    conditions.push(afterCursor(sort, order, key ?? null, id));
  }
  const direction = order === 'asc' ? asc : desc;
  const rows = await db
    .select({
      id: exceptions.id,
      status: exceptions.status,
      type: exceptions.type,
      cause: exceptions.cause,
      account: exceptions.account,
      currency: exceptions.currency,
      amount: exceptions.amount,
      difference: exceptions.difference,
      confidence: exceptions.confidence,
      source: exceptions.source,
      verified: exceptions.verified,
      openedAt: exceptions.openedAt,
      runId: exceptions.runId,
      reconciliationId: exceptions.reconciliationId,
      asOf: exceptions.asOf,
      assignee: exceptions.assignee,
      version: exceptions.version,
      suggestionVersion: exceptions.currentSuggestionVersion,
      // One unique-index lookup per row of the page: the join runs after the limit.
      action: suggestions.action,
      sortKey: SORT_KEY_TEXT[sort],
    })
    .from(exceptions)
    .leftJoin(suggestions, and(eq(suggestions.exceptionId, exceptions.id), eq(suggestions.version, exceptions.currentSuggestionVersion)))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(direction(SORT_COLUMNS[sort]), direction(exceptions.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ sort: sortName, key: [last.sortKey, last.id] }) : null;
  return { items: page.map(({ sortKey: _sortKey, ...item }) => item), nextCursor };
}
