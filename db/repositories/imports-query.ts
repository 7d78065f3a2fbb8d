/**
 * Imports for the API: newest first in keyset pages (created_at, id — the
 * `imports_created_idx` order), with the warning and error counts computed
 * in the query so a page never ships the issue lists themselves.
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { ImportFormat, ImportStatus, Side } from '../../core/statuses.ts';
import type { Database } from '../client.ts';
import { imports, type ImportRow } from '../schema/imports.ts';
import { decodeCursor, encodeCursor, invalidCursor } from './page-cursor.ts';

export interface ImportFilter {
  readonly side?: Side;
  readonly account?: string;
  readonly status?: ImportStatus;
  readonly format?: ImportFormat;
}

export interface ImportListItem {
  readonly id: string;
  readonly format: ImportFormat;
  readonly side: Side;
  readonly account: string;
  readonly fileName: string;
  readonly status: ImportStatus;
  readonly recordCount: number;
  readonly warningCount: number;
  readonly errorCount: number;
  readonly createdBy: string | null;
  readonly createdAt: Date;
}

const SORT = 'createdAt:desc';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
/** Microsecond precision, as the cursor needs (see exceptions-query.ts). */
const createdKey = sql<string>`to_char(${imports.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export async function listImports(db: Database, request: { filter: ImportFilter; limit: number; cursor?: string }): Promise<{ items: ImportListItem[]; nextCursor: string | null }> {
  const f = request.filter;
  const conditions: (SQL | undefined)[] = [
    f.side ? eq(imports.side, f.side) : undefined,
    f.account ? eq(imports.account, f.account) : undefined,
    f.status ? eq(imports.status, f.status) : undefined,
    f.format ? eq(imports.format, f.format) : undefined,
  ];
  if (request.cursor) {
    const [key, id] = decodeCursor(request.cursor, SORT, 2);
    if (typeof key !== 'string' || !TIMESTAMP.test(key) || typeof id !== 'string' || !UUID.test(id)) throw invalidCursor();
    conditions.push(sql`(${imports.createdAt}, ${imports.id}) < (${key}::timestamptz, ${id}::uuid)`);
  }
  const rows = await db
    .select({
      id: imports.id,
      format: imports.format,
      side: imports.side,
      account: imports.account,
      fileName: imports.fileName,
      status: imports.status,
      recordCount: imports.recordCount,
      warningCount: sql<number>`jsonb_array_length(${imports.warnings})::int`,
      errorCount: sql<number>`jsonb_array_length(${imports.errors})::int`,
      createdBy: imports.createdBy,
      createdAt: imports.createdAt,
      key: createdKey,
    })
    .from(imports)
    .where(and(...conditions))
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(request.limit + 1);
  const page = rows.slice(0, request.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ key: _key, ...item }) => item),
    nextCursor: rows.length > request.limit && last ? encodeCursor({ sort: SORT, key: [last.key, last.id] }) : null,
  };
}

export async function importById(db: Database, id: string): Promise<ImportRow | undefined> {
  const [row] = await db.select().from(imports).where(eq(imports.id, id)).limit(1);
  return row;
}
