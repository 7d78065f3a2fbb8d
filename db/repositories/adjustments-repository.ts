/**
 * Adjustments read back: a filtered list in keyset pages (newest first), and
 * the ERP export, which claims the entries it writes (`exported_at`) in the
 * same transaction that reads them. Claiming takes the rows' locks, so two
 * exports at once never both send an entry: the second waits and then finds
 * it exported. Only entries with journal lines are exported — a confirmed
 * match moves no money and has nothing for the ERP.
 */
import { and, asc, desc, eq, exists, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { adjustmentsCsv, type CsvJournalLine } from '../../core/apply/adjustments-csv.ts';
import type { Database } from '../client.ts';
import { adjustmentLines, adjustments, type Adjustment, type AdjustmentLine } from '../schema/adjustments.ts';
import { exceptions } from '../schema/exceptions.ts';
import { appendAudit } from './audit-repository.ts';
import { decodeCursor, encodeCursor, invalidCursor } from './page-cursor.ts';

export interface AdjustmentFilter {
  readonly exported?: boolean | undefined;
  readonly reconciliationId?: string | undefined;
  readonly exceptionId?: string | undefined;
  /** Created on or after this day (UTC, ISO date). */
  readonly from?: string | undefined;
  /** Created on or before this day (UTC, ISO date). */
  readonly to?: string | undefined;
}

export interface AdjustmentView extends Omit<Adjustment, 'currency'> {
  readonly currency: string | null;
  readonly reconciliationId: string | null;
  readonly asOf: string;
  readonly lines: readonly Omit<AdjustmentLine, 'adjustmentId'>[];
}

const SORT = 'createdAt:desc';
/** Microsecond text, so rows created within one millisecond keep distinct cursor keys. */
const CREATED_TEXT = sql<string>`to_char(${adjustments.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

function conditions(f: AdjustmentFilter): SQL[] {
  const out: (SQL | undefined)[] = [
    f.exported === undefined ? undefined : f.exported ? isNotNull(adjustments.exportedAt) : isNull(adjustments.exportedAt),
    f.reconciliationId ? eq(exceptions.reconciliationId, f.reconciliationId) : undefined,
    f.exceptionId ? eq(adjustments.exceptionId, f.exceptionId) : undefined,
    // UTC days whatever the session's time zone.
    f.from ? sql`${adjustments.createdAt} >= (${f.from}::date)::timestamp at time zone 'UTC'` : undefined,
    f.to ? sql`${adjustments.createdAt} < (${f.to}::date + 1)::timestamp at time zone 'UTC'` : undefined,
  ];
  return out.filter((c): c is SQL => c !== undefined);
}

async function linesOf(db: Database, ids: readonly string[]): Promise<Map<string, AdjustmentLine[]>> {
  const byId = new Map<string, AdjustmentLine[]>();
  if (ids.length === 0) return byId;
  const rows = await db.select().from(adjustmentLines).where(inArray(adjustmentLines.adjustmentId, [...ids])).orderBy(asc(adjustmentLines.adjustmentId), asc(adjustmentLines.lineNo));
  for (const row of rows) byId.set(row.adjustmentId, [...(byId.get(row.adjustmentId) ?? []), row]);
  return byId;
}

const columns = { adjustment: adjustments, reconciliationId: exceptions.reconciliationId, asOf: exceptions.asOf, createdKey: CREATED_TEXT };

export async function listAdjustments(db: Database, request: { filter: AdjustmentFilter; limit: number; cursor?: string | undefined }): Promise<{ items: AdjustmentView[]; nextCursor: string | null }> {
  const where = conditions(request.filter);
  if (request.cursor) {
    const [key, id] = decodeCursor(request.cursor, SORT, 2);
    if (typeof key !== 'string' || !TIMESTAMP.test(key) || typeof id !== 'string' || !UUID.test(id)) throw invalidCursor();
    where.push(sql`(${adjustments.createdAt}, ${adjustments.id}) < (${key}::timestamptz, ${id}::uuid)`);
  }
  const rows = await db
    .select(columns)
    .from(adjustments)
    .innerJoin(exceptions, eq(exceptions.id, adjustments.exceptionId))
    .where(and(...where))
    .orderBy(desc(adjustments.createdAt), desc(adjustments.id))
    .limit(request.limit + 1);
  const page = rows.slice(0, request.limit);
  const lines = await linesOf(db, page.map((r) => r.adjustment.id));
  const items = page.map((r) => ({
    ...r.adjustment,
    currency: r.adjustment.currency?.trim() ?? null,
    reconciliationId: r.reconciliationId,
    asOf: r.asOf,
    lines: (lines.get(r.adjustment.id) ?? []).map(({ adjustmentId: _a, ...line }) => line),
  }));
  const last = page.at(-1);
  const nextCursor = rows.length > request.limit && last ? encodeCursor({ sort: SORT, key: [last.createdKey, last.adjustment.id] }) : null;
  return { items, nextCursor };
}

export interface AdjustmentExport {
  readonly csv: string;
  readonly entries: number;
  readonly lines: number;
}

/** The next export (entries not exported yet), or with `all` every entry again; marks them exported. */
export async function exportAdjustments(db: Database, request: { all: boolean; filter: Omit<AdjustmentFilter, 'exported'>; actor: string; now: Date }): Promise<AdjustmentExport> {
  return db.transaction(async (tx) => {
    const where = conditions({ ...request.filter, ...(request.all ? {} : { exported: false }) });
    where.push(exists(tx.select({ one: sql`1` }).from(adjustmentLines).where(eq(adjustmentLines.adjustmentId, adjustments.id))));
    const rows = await tx
      .select({ id: adjustments.id, exceptionId: adjustments.exceptionId, currency: adjustments.currency, memo: adjustments.memo, asOf: exceptions.asOf })
      .from(adjustments)
      .innerJoin(exceptions, eq(exceptions.id, adjustments.exceptionId))
      .where(and(...where))
      .orderBy(asc(adjustments.createdAt), asc(adjustments.id))
      .for('update', { of: adjustments });
    const ids = rows.map((r) => r.id);
    if (ids.length > 0) {
      // A re-export keeps the first export time: it says when the ERP first saw the entry.
      await tx.update(adjustments).set({ exportedAt: sql`coalesce(${adjustments.exportedAt}, ${request.now.toISOString()}::timestamptz)` }).where(inArray(adjustments.id, ids));
    }
    const lines = await linesOf(tx, ids);
    const csvLines: CsvJournalLine[] = rows.flatMap((r) =>
      (lines.get(r.id) ?? []).map((l) => ({ entryId: r.id, lineNo: l.lineNo, date: r.asOf, glCode: l.glCode, accountRole: l.accountRole, amount: l.amount, currency: r.currency?.trim() ?? '', memo: r.memo, exceptionId: r.exceptionId })),
    );
    if (ids.length > 0) {
      await appendAudit(tx, [{ actor: request.actor, action: 'adjustment.exported', entityType: 'adjustment', entityId: ids[0]!, payload: { entries: ids, lines: csvLines.length, all: request.all } }], request.now);
    }
    return { csv: adjustmentsCsv(csvLines), entries: ids.length, lines: csvLines.length };
  });
}
