/**
 * Stores an import and its records atomically: all of a file's records or
 * none. The same file (same side, account and content hash) imported again is
 * reported as a duplicate and stores nothing.
 */
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { CanonicalRecord } from '../../core/records/canonical-record.ts';
import type { ImportFormat, Side } from '../../core/statuses.ts';
import type { Database } from '../client.ts';
import { imports, type ImportWarning } from '../schema/imports.ts';

export interface NewImportInput {
  readonly format: ImportFormat;
  readonly side: Side;
  readonly account: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly warnings?: readonly ImportWarning[];
  readonly createdBy?: string;
  readonly records: readonly CanonicalRecord[];
}

export type StoreImportResult =
  | { readonly status: 'stored'; readonly importId: string; readonly recordCount: number }
  | { readonly status: 'duplicate'; readonly importId: string; readonly recordCount: number };

/**
 * Records go in as one JSON document per chunk, expanded by the server with
 * json_populate_recordset: one bind parameter instead of 21 per row, and an
 * order of magnitude faster than row-by-row VALUES on both PostgreSQL and PGlite.
 */
const INSERT_CHUNK = 5000;
const RECORD_COLUMNS = [
  'id', 'import_id', 'side', 'account', 'date', 'value_date', 'amount', 'currency', 'reference', 'counterparty', 'description', 'kind',
  'security_id', 'security_id_type', 'security_ids', 'quantity', 'price', 'trade_date', 'settle_date', 'fx_rate', 'provenance',
] as const;
const COLUMN_LIST = sql.raw(RECORD_COLUMNS.join(', '));

function toJsonRow(record: CanonicalRecord, importId: string): Record<(typeof RECORD_COLUMNS)[number], unknown> {
  return {
    id: record.id,
    import_id: importId,
    side: record.side,
    account: record.account,
    date: record.date,
    value_date: record.valueDate ?? null,
    amount: record.amount,
    currency: record.currency,
    reference: record.reference ?? null,
    counterparty: record.counterparty ?? null,
    description: record.description ?? null,
    kind: record.kind ?? 'cash',
    security_id: record.securityId ?? null,
    security_id_type: record.securityIdType ?? null,
    security_ids: record.securityIds ?? null,
    quantity: record.quantity ?? null,
    price: record.price ?? null,
    trade_date: record.tradeDate ?? null,
    settle_date: record.settleDate ?? null,
    fx_rate: record.fxRate ?? null,
    provenance: { ...record.provenance, importId },
  };
}

export async function insertRecords(db: Database, records: readonly CanonicalRecord[], importId: string): Promise<void> {
  for (let i = 0; i < records.length; i += INSERT_CHUNK) {
    const json = JSON.stringify(records.slice(i, i + INSERT_CHUNK).map((r) => toJsonRow(r, importId)));
    await db.execute(sql`insert into records (${COLUMN_LIST}) select ${COLUMN_LIST} from json_populate_recordset(null::records, ${json}::json)`);
  }
}

/** The import of the same bytes for the same side (and account, when known). */
export async function findImportByContent(db: Database, side: Side, account: string | undefined, sha256: string) {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.side, side), eq(imports.sha256, sha256), account === undefined ? undefined : eq(imports.account, account)))
    .limit(1);
  return row;
}

/** The constraint a driver error names, through drizzle's wrapping. */
export function violatedConstraint(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const c = e as { code?: string; constraint?: string; constraint_name?: string };
    if (c.code === '23505') return c.constraint ?? c.constraint_name ?? 'unique';
  }
  return undefined;
}

export async function storeImport(db: Database, input: NewImportInput): Promise<StoreImportResult> {
  const existing = await findImportByContent(db, input.side, input.account, input.sha256);
  if (existing) return { status: 'duplicate', importId: existing.id, recordCount: existing.recordCount };
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(imports)
        .values({
          format: input.format,
          side: input.side,
          account: input.account,
          fileName: input.fileName,
          sha256: input.sha256,
          status: 'completed',
          recordCount: input.records.length,
          warnings: [...(input.warnings ?? [])],
          createdBy: input.createdBy,
        })
        .returning({ id: imports.id });
      const importId = row!.id;
      await insertRecords(tx, input.records, importId);
      return { status: 'stored' as const, importId, recordCount: input.records.length };
    });
  } catch (error) {
    const constraint = violatedConstraint(error);
    if (constraint === 'imports_side_account_sha256_key') {
      // Another process stored the same file between our check and our insert.
      const winner = await findImportByContent(db, input.side, input.account, input.sha256);
      if (winner) return { status: 'duplicate', importId: winner.id, recordCount: winner.recordCount };
    }
    if (constraint === 'records_pkey') {
      throw new AppError('conflict', `${input.fileName}: a record of this file was already imported by an earlier import; nothing was stored`, {
        cause: error,
        details: { fileName: input.fileName },
      });
    }
    throw error;
  }
}
