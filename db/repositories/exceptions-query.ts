/**
 * The review queue: exceptions filtered, sorted and paged by keyset. Every
 * filter is a column of the exception row (the queue never reads
 * suggestions to filter), and each sort follows an index that starts with
 * the status — `(status, opened_at, id)`, `(status, amount)` — or the sort
 * column alone, so a page reads about `limit` index entries, not the table.
 */
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { ExceptionStatus, SuggestionSource } from '../../core/statuses.ts';
import { ACTION_INFO, BREAK_TYPE_INFO, type BreakType, type RootCause } from '../../core/taxonomy/index.ts';
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

/**
 * One queue page as JSON text, built by the database: the rows never become
 * JavaScript objects on the way through, which is most of a page's cost in
 * the API process (row mapping, re-serialising, garbage). Each item carries
 * the exception's queue columns plus `action` (the current suggestion's),
 * `typeLabel`, `suggestedAction` (its label) and `ageDays` at `now`.
 */
export interface ExceptionPageJson {
  /** A JSON array of the page's items, in page order. */
  readonly itemsJson: string;
  readonly nextCursor: string | null;
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

/** `case <column> when 'key' then 'label' … end`, from core's taxonomy: constant text, so the statement stays one prepared plan. */
function labelCase(column: SQL, labels: Readonly<Record<string, { label: string }>>): SQL {
  const quote = (v: string) => `'${v.replaceAll("'", "''")}'`;
  const arms = Object.entries(labels).map(([key, info]) => `when ${quote(key)} then ${quote(info.label)}`);
  return sql`case ${column} ${sql.raw(arms.join(' '))} end`;
}

const TYPE_LABEL = labelCase(sql`${exceptions.type}::text`, BREAK_TYPE_INFO);
const ACTION_LABEL = labelCase(sql`${suggestions.action}::text`, ACTION_INFO);
/** Milliseconds, like a JavaScript Date's ISO string. */
const OPENED_AT_ISO = sql`to_char(${exceptions.openedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

function itemJson(now: Date): SQL {
  // Money and confidence as their exact decimal text: numeric would become a JSON number.
  return sql`json_build_object(
    'id', ${exceptions.id}, 'status', ${exceptions.status}, 'type', ${exceptions.type}, 'cause', ${exceptions.cause},
    'account', ${exceptions.account}, 'currency', rtrim(${exceptions.currency}), 'amount', ${exceptions.amount}::text,
    'difference', ${exceptions.difference}::text, 'confidence', ${exceptions.confidence}::text, 'source', ${exceptions.source},
    'verified', ${exceptions.verified}, 'openedAt', ${OPENED_AT_ISO}, 'runId', ${exceptions.runId},
    'reconciliationId', ${exceptions.reconciliationId}, 'asOf', to_char(${exceptions.asOf}, 'YYYY-MM-DD'),
    'assignee', ${exceptions.assignee}, 'version', ${exceptions.version}, 'suggestionVersion', ${exceptions.currentSuggestionVersion},
    'action', ${suggestions.action}, 'typeLabel', ${TYPE_LABEL}, 'suggestedAction', ${ACTION_LABEL},
    'ageDays', greatest(0, floor(extract(epoch from (${now.toISOString()}::timestamptz - date_trunc('milliseconds', ${exceptions.openedAt}))) / 86400))::int
  )`;
}

export async function listExceptions(db: Database, request: ExceptionPageRequest, now: Date): Promise<ExceptionPageJson> {
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
  const dir = sql.raw(order === 'asc' ? 'asc' : 'desc');
  const direction = order === 'asc' ? asc : desc;
  const orderBy = sql`${SORT_COLUMNS[sort]} ${dir}, ${exceptions.id} ${dir}`;
  // The page plus one row (is there a next page?), numbered in page order; the
  // join to the current suggestion is one unique-index lookup per page row.
  const page = db
    .select({
      item: sql`${itemJson(now)}`.as('item'),
      sortKey: sql<string | null>`${SORT_KEY_TEXT[sort]}`.as('sort_key'),
      id: sql<string>`${exceptions.id}::text`.as('item_id'),
      n: sql<number>`row_number() over (order by ${orderBy})`.as('n'),
    })
    .from(exceptions)
    .leftJoin(suggestions, and(eq(suggestions.exceptionId, exceptions.id), eq(suggestions.version, exceptions.currentSuggestionVersion)))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(direction(SORT_COLUMNS[sort]), direction(exceptions.id))
    .limit(limit + 1)
    .as('p');
  const inPage = sql`${page.n} <= ${limit}`;
  // Prepared: the driver keeps one parsed statement per query text and
  // connection, so a page is one round trip and no re-planning of this text.
  const rows = await db
    .select({
      items: sql<string>`coalesce(json_agg(${page.item} order by ${page.n}) filter (where ${inPage}), '[]'::json)::text`,
      more: sql<boolean>`count(*) > ${limit}`,
      lastKey: sql<string | null>`(array_agg(${page.sortKey} order by ${page.n} desc) filter (where ${inPage}))[1]`,
      lastId: sql<string | null>`(array_agg(${page.id} order by ${page.n} desc) filter (where ${inPage}))[1]`,
    })
    .from(page)
    .prepare('exception_queue_page')
    .execute();
  const row = rows[0];
  if (!row) return { itemsJson: '[]', nextCursor: null };
  const nextCursor = row.more && row.lastId ? encodeCursor({ sort: sortName, key: [row.lastKey, row.lastId] }) : null;
  return { itemsJson: row.items, nextCursor };
}
