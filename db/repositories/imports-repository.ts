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
import { imports, type ImportWarning } from '../schema/imports.ts';
import { appendAudit, type AuditInput } from './audit-repository.ts';
import { copyRecords } from './record-copy.ts';

export interface NewImportInput {
  readonly format: ImportFormat;
  readonly side: Side;
  readonly account: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly warnings?: readonly ImportWarning[];
  readonly createdBy?: string;
  /** When the import happened, for the audit log; default now. */
  readonly at?: Date;
  readonly records: readonly CanonicalRecord[];
}

export type StoreImportResult =
  | { readonly status: 'stored'; readonly importId: string; readonly recordCount: number }
  | { readonly status: 'duplicate'; readonly importId: string; readonly recordCount: number };

/**
 * Records go in through COPY (record-copy.ts) on the import's transaction:
 * no SQL to parse per row and no JSON to expand, the server takes the rows as
 * they stream in.
 */
export async function insertRecords(db: Database, records: readonly CanonicalRecord[], importId: string): Promise<void> {
  await copyRecords(db, records, importId);
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

/** A record id some earlier import already stored, as the error people see; undefined for any other failure. */
export function recordConflict(error: unknown, fileName: string): AppError | undefined {
  if (violatedConstraint(error) !== 'records_pkey') return undefined;
  return new AppError('conflict', `${fileName}: a record of this file was already imported by an earlier import; nothing was stored`, {
    cause: error,
    details: { fileName },
  });
}

/** The audit entry of a stored import: who, which file, how many records. */
export function importAuditEntry(importId: string, input: { side: Side; account: string; format: string; fileName: string; sha256: string; recordCount: number; createdBy?: string | undefined }): AuditInput {
  return {
    actor: input.createdBy ?? 'system',
    action: 'import.stored',
    entityType: 'import',
    entityId: importId,
    payload: { side: input.side, account: input.account, format: input.format, fileName: input.fileName, sha256: input.sha256, records: input.recordCount },
  };
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
      // In the import's transaction: the log shows an import exactly when it was stored.
      await appendAudit(tx, [importAuditEntry(importId, { ...input, recordCount: input.records.length })], input.at ?? new Date());
      return { status: 'stored' as const, importId, recordCount: input.records.length };
    });
  } catch (error) {
    const constraint = violatedConstraint(error);
    if (constraint === 'imports_side_account_sha256_key') {
      // Another process stored the same file between our check and our insert.
      const winner = await findImportByContent(db, input.side, input.account, input.sha256);
      if (winner) return { status: 'duplicate', importId: winner.id, recordCount: winner.recordCount };
    }
    throw recordConflict(error, input.fileName) ?? error;
  }
}
