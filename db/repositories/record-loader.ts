/**
 * Reads stored records back as canonical records, for a run: every record of
 * an import, or of one side's account. Records a correction superseded are
 * left out — they are history, not the books.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { CanonicalRecord } from '../../core/records/canonical-record.ts';
import type { Side } from '../../core/statuses.ts';
import type { Database } from '../client.ts';
import { records, type RecordRow } from '../schema/records.ts';

const OPTIONAL = ['valueDate', 'reference', 'counterparty', 'description', 'securityId', 'securityIdType', 'quantity', 'price', 'tradeDate', 'settleDate', 'fxRate'] as const;

export function toCanonicalRecord(row: RecordRow): CanonicalRecord {
  const record: Record<string, unknown> = { id: row.id, side: row.side, account: row.account, date: row.date, amount: row.amount, currency: row.currency.trim(), kind: row.kind };
  for (const key of OPTIONAL) if (row[key] !== null && row[key] !== undefined) record[key] = row[key];
  if (row.securityIds) record.securityIds = row.securityIds;
  const { file, line, entry } = row.provenance;
  record.provenance = { ...(row.importId ? { importId: row.importId } : {}), ...(file ? { file } : {}), ...(line ? { line } : {}), ...(entry !== undefined ? { entry } : {}) };
  return record as CanonicalRecord;
}

export async function loadImportRecords(db: Database, importId: string): Promise<CanonicalRecord[]> {
  const rows = await db.select().from(records).where(and(eq(records.importId, importId), isNull(records.supersededAt))).orderBy(asc(records.date), asc(records.id));
  return rows.map(toCanonicalRecord);
}

export async function loadAccountRecords(db: Database, side: Side, account: string): Promise<CanonicalRecord[]> {
  const rows = await db
    .select()
    .from(records)
    .where(and(eq(records.side, side), eq(records.account, account), isNull(records.supersededAt)))
    .orderBy(asc(records.date), asc(records.id));
  return rows.map(toCanonicalRecord);
}
