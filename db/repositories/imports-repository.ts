/**
 * Stores an import and its records atomically: all of a file's records or
 * none. The same file (same side, account and content hash) imported again is
 * reported as a duplicate and stores nothing.
 */
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { CanonicalRecord } from '../../core/records/canonical-record.ts';
import type { ImportFormat, Side } from '../../core/statuses.ts';
import type { Database } from '../client.ts';
import { imports, records, type ImportWarning, type NewRecord } from '../schema/imports.ts';

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

/** Postgres' limit is 65,535 bind parameters per statement; 24 columns × 1,000 rows stays well inside. */
const INSERT_CHUNK = 1000;

function toRow(record: CanonicalRecord, importId: string): NewRecord {
  return {
    id: record.id,
    importId,
    side: record.side,
    account: record.account,
    date: record.date,
    valueDate: record.valueDate,
    amount: record.amount,
    currency: record.currency,
    reference: record.reference,
    counterparty: record.counterparty,
    description: record.description,
    kind: record.kind ?? 'cash',
    securityId: record.securityId,
    securityIdType: record.securityIdType,
    securityIds: record.securityIds as Record<string, string> | undefined,
    quantity: record.quantity,
    price: record.price,
    tradeDate: record.tradeDate,
    settleDate: record.settleDate,
    fxRate: record.fxRate,
    provenance: { ...record.provenance, importId },
  };
}

export async function findImportByContent(db: Database, side: Side, account: string, sha256: string) {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.side, side), eq(imports.account, account), eq(imports.sha256, sha256)))
    .limit(1);
  return row;
}

/** The constraint a driver error names, through drizzle's wrapping. */
function violatedConstraint(error: unknown): string | undefined {
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
      for (let i = 0; i < input.records.length; i += INSERT_CHUNK) {
        await tx.insert(records).values(input.records.slice(i, i + INSERT_CHUNK).map((r) => toRow(r, importId)));
      }
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
