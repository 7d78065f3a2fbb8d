/**
 * The review queue: exceptions filtered, sorted and paged by keyset. Every
 * filter is a column of the exception row (the queue never reads
 * suggestions to filter), and each sort follows an index that starts with
 * the status — `(status, opened_at, id)`, `(status, amount)` — or the sort
 * column alone, so a page reads about `limit` index entries, not the table.
 */
import { eq, gt, gte, inArray, lt, lte, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { ExceptionStatus, SuggestionSource } from '../../core/statuses.ts';
import type { BreakType, RootCause } from '../../core/taxonomy/index.ts';
import type { Database } from '../client.ts';
import { exceptions } from '../schema/exceptions.ts';
import { afterCursor, queuePageQuery, type ExceptionSort, type SortOrder } from './exceptions-page-sql.ts';
import { decodeCursor, encodeCursor, invalidCursor } from './page-cursor.ts';
import { StatementCache } from './statement-cache.ts';

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

export { EXCEPTION_SORTS, type ExceptionSort, type SortOrder } from './exceptions-page-sql.ts';

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

/**
 * Placeholders and their values for one request. The names it hands out
 * (which filters, how many values each, the cursor's kind) are the
 * statement's shape: requests of one shape share one prepared statement.
 */
class Binding {
  readonly values: Record<string, unknown> = {};
  readonly names: string[] = [];
  bind(name: string, value: unknown): Placeholder<string> {
    this.values[name] = value;
    this.names.push(name);
    return sql.placeholder(name);
  }
  list(name: string, values: readonly unknown[]): Placeholder<string>[] {
    return values.map((v, i) => this.bind(`${name}${i}`, v));
  }
}

// Dates go in as ISO text: placeholder values reach the driver as they are, past the columns' encoders.
function filterConditions(f: ExceptionFilter, b: Binding): SQL[] {
  const out: (SQL | undefined)[] = [
    f.statuses?.length ? inArray(exceptions.status, b.list('status', f.statuses)) : undefined,
    f.types?.length ? inArray(exceptions.type, b.list('type', f.types)) : undefined,
    f.causes?.length ? inArray(exceptions.cause, b.list('cause', f.causes)) : undefined,
    f.accounts?.length ? inArray(exceptions.account, b.list('account', f.accounts)) : undefined,
    f.sources?.length ? inArray(exceptions.source, b.list('source', f.sources)) : undefined,
    f.runId ? eq(exceptions.runId, b.bind('runId', f.runId)) : undefined,
    f.reconciliationId ? eq(exceptions.reconciliationId, b.bind('reconciliationId', f.reconciliationId)) : undefined,
    f.verified === undefined ? undefined : eq(exceptions.verified, b.bind('verified', f.verified)),
    f.minConfidence ? gte(exceptions.confidence, b.bind('minConfidence', f.minConfidence)) : undefined,
    f.maxConfidence ? lte(exceptions.confidence, b.bind('maxConfidence', f.maxConfidence)) : undefined,
    f.minAmount ? gte(exceptions.amount, b.bind('minAmount', f.minAmount)) : undefined,
    f.maxAmount ? lte(exceptions.amount, b.bind('maxAmount', f.maxAmount)) : undefined,
    f.openedAfter ? gt(exceptions.openedAt, b.bind('openedAfter', f.openedAfter.toISOString())) : undefined,
    f.openedBefore ? lt(exceptions.openedAt, b.bind('openedBefore', f.openedBefore.toISOString())) : undefined,
    f.openedAtMost ? lte(exceptions.openedAt, b.bind('openedAtMost', f.openedAtMost.toISOString())) : undefined,
  ];
  return out.filter((c): c is SQL => c !== undefined);
}

interface PageRow {
  readonly items: string;
  readonly more: boolean;
  readonly lastKey: string | null;
  readonly lastId: string | null;
}
interface PreparedPage {
  execute(values: Record<string, unknown>): Promise<PageRow[]>;
}

const STATEMENTS = new StatementCache<PreparedPage>(200);

export async function listExceptions(db: Database, request: ExceptionPageRequest, now: Date): Promise<ExceptionPageJson> {
  const { sort, order, limit } = request;
  const sortName = `${sort}:${order}`;
  const binding = new Binding();
  const conditions = filterConditions(request.filter, binding);
  if (request.cursor) {
    const [key, id] = decodeCursor(request.cursor, sortName, 2);
    // Checked before they reach a cast in SQL, so a forged cursor is a 400, not a database error.
    const keyOk = key === null ? sort === 'confidence' : typeof key === 'string' && (sort === 'openedAt' ? TIMESTAMP : DECIMAL).test(key);
    if (typeof id !== 'string' || !UUID.test(id) || !keyOk) throw invalidCursor();
    conditions.push(afterCursor(sort, order, key === null ? null : binding.bind('cursorKey', key), binding.bind('cursorId', id)));
  }
  const shape = `${sortName}|${binding.names.join(',')}`;
  const statement = STATEMENTS.get(db, shape, () => queuePageQuery(db, { sort, order, conditions }).prepare('exception_queue_page'));
  const [row] = await statement.execute({ ...binding.values, now: now.toISOString(), limit, limitPlusOne: limit + 1 });
  if (!row) return { itemsJson: '[]', nextCursor: null };
  const nextCursor = row.more && row.lastId ? encodeCursor({ sort: sortName, key: [row.lastKey, row.lastId] }) : null;
  return { itemsJson: row.items, nextCursor };
}
