/**
 * The review queue page as one SQL statement: the page's rows (plus one, to
 * know whether another page follows) in sort order, each turned into its
 * JSON item by the database, then aggregated into one JSON array with the
 * last row's sort key for the next cursor. Values come in as placeholders
 * (`now`, `limit`, `limitPlusOne` and the filters'), so one built statement
 * serves every request of its shape.
 */
import { and, asc, desc, eq, gt, isNotNull, isNull, lt, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { ACTION_INFO, BREAK_TYPE_INFO } from '../../core/taxonomy/index.ts';
import type { Database } from '../client.ts';
import { exceptions } from '../schema/exceptions.ts';
import { suggestions } from '../schema/suggestions.ts';

export const EXCEPTION_SORTS = ['openedAt', 'amount', 'confidence'] as const;
export type ExceptionSort = (typeof EXCEPTION_SORTS)[number];
export type SortOrder = 'asc' | 'desc';

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

/**
 * Rows after the cursor in the page order. A row comparison `(key, id) > (…)`
 * is one index range. Confidence may be null: nulls sort last ascending and
 * first descending (PostgreSQL's order for a plain index), i.e. as the largest.
 */
export function afterCursor(sort: ExceptionSort, order: SortOrder, key: Placeholder<string> | null, id: Placeholder<string>): SQL {
  const column = SORT_COLUMNS[sort];
  const cmp = order === 'asc' ? sql.raw('>') : sql.raw('<');
  const cast = sql.raw(CAST[sort]);
  const cursorId = sql`${id}::uuid`;
  if (key === null) {
    const sameNullTie = and(isNull(column), order === 'asc' ? gt(exceptions.id, cursorId) : lt(exceptions.id, cursorId))!;
    return order === 'asc' ? sameNullTie : or(sameNullTie, isNotNull(column))!;
  }
  const row = sql`(${column}, ${exceptions.id}) ${cmp} (${key}::${cast}, ${cursorId})`;
  return sort === 'confidence' && order === 'asc' ? or(row, isNull(column))! : row;
}

/** `case <column> when 'key' then 'label' … end`, from core's taxonomy: constant text in the statement. */
function labelCase(column: SQL, labels: Readonly<Record<string, { label: string }>>): SQL {
  const quote = (v: string) => `'${v.replaceAll("'", "''")}'`;
  const arms = Object.entries(labels).map(([key, info]) => `when ${quote(key)} then ${quote(info.label)}`);
  return sql`case ${column} ${sql.raw(arms.join(' '))} end`;
}

const TYPE_LABEL = labelCase(sql`${exceptions.type}::text`, BREAK_TYPE_INFO);
const ACTION_LABEL = labelCase(sql`${suggestions.action}::text`, ACTION_INFO);
/** Milliseconds, like a JavaScript Date's ISO string. */
const OPENED_AT_ISO = sql`to_char(${exceptions.openedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const AGE_DAYS = sql`greatest(0, floor(extract(epoch from (${sql.placeholder('now')}::timestamptz - date_trunc('milliseconds', ${exceptions.openedAt}))) / 86400))::int`;

// Money and confidence as their exact decimal text: numeric would become a JSON number.
const ITEM_JSON = sql`json_build_object(
  'id', ${exceptions.id}, 'status', ${exceptions.status}, 'type', ${exceptions.type}, 'cause', ${exceptions.cause},
  'account', ${exceptions.account}, 'currency', rtrim(${exceptions.currency}), 'amount', ${exceptions.amount}::text,
  'difference', ${exceptions.difference}::text, 'confidence', ${exceptions.confidence}::text, 'source', ${exceptions.source},
  'verified', ${exceptions.verified}, 'openedAt', ${OPENED_AT_ISO}, 'runId', ${exceptions.runId},
  'reconciliationId', ${exceptions.reconciliationId}, 'asOf', to_char(${exceptions.asOf}, 'YYYY-MM-DD'),
  'assignee', ${exceptions.assignee}, 'version', ${exceptions.version}, 'suggestionVersion', ${exceptions.currentSuggestionVersion},
  'action', ${suggestions.action}, 'typeLabel', ${TYPE_LABEL}, 'suggestedAction', ${ACTION_LABEL}, 'ageDays', ${AGE_DAYS}
)`;

/** The page statement for one filter shape; the join to the current suggestion is one unique-index lookup per page row. */
export function queuePageQuery(db: Database, shape: { sort: ExceptionSort; order: SortOrder; conditions: readonly SQL[] }) {
  const { sort, order, conditions } = shape;
  const direction = order === 'asc' ? asc : desc;
  const dir = sql.raw(order);
  const page = db
    .select({
      item: sql`${ITEM_JSON}`.as('item'),
      sortKey: sql<string | null>`${SORT_KEY_TEXT[sort]}`.as('sort_key'),
      id: sql<string>`${exceptions.id}::text`.as('item_id'),
      n: sql<number>`row_number() over (order by ${SORT_COLUMNS[sort]} ${dir}, ${exceptions.id} ${dir})`.as('n'),
    })
    .from(exceptions)
    .leftJoin(suggestions, and(eq(suggestions.exceptionId, exceptions.id), eq(suggestions.version, exceptions.currentSuggestionVersion)))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(direction(SORT_COLUMNS[sort]), direction(exceptions.id))
    .limit(sql.placeholder('limitPlusOne'))
    .as('p');
  const inPage = sql`${page.n} <= ${sql.placeholder('limit')}`;
  return db
    .select({
      items: sql<string>`coalesce(json_agg(${page.item} order by ${page.n}) filter (where ${inPage}), '[]'::json)::text`,
      more: sql<boolean>`count(*) > ${sql.placeholder('limit')}`,
      lastKey: sql<string | null>`(array_agg(${page.sortKey} order by ${page.n} desc) filter (where ${inPage}))[1]`,
      lastId: sql<string | null>`(array_agg(${page.id} order by ${page.n} desc) filter (where ${inPage}))[1]`,
    })
    .from(page);
}
