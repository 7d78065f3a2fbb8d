/**
 * Loads the bundled demo batch — one month of an operating account's bank
 * statement and general ledger — as two imports and a configured
 * reconciliation. Safe to repeat: the second time finds the same imports.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { AppError } from '../../core/errors/app-error.ts';
import { recordBatchSchema, type RecordBatch } from '../../core/records/record-batch.ts';
import type { Side } from '../../core/statuses.ts';
import type { Database } from '../../db/client.ts';
import { storeImport } from '../../db/repositories/imports-repository.ts';
import { reconciliations } from '../../db/schema/reconciliations.ts';

export const DEMO_BATCH_FILE = new URL('../../data/demo/operating-eur-2026-10.json', import.meta.url);

export interface DemoLoadResult {
  readonly reconciliationId: string;
  readonly asOf: string;
  readonly name: string;
  readonly loaded: boolean;
  readonly external: number;
  readonly internal: number;
}

export async function readRecordBatch(file: URL): Promise<RecordBatch> {
  const text = await readFile(file, 'utf8');
  const parsed = recordBatchSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new AppError('validation_failed', `${file.pathname.split('/').pop()} is not a valid record batch`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return parsed.data;
}

function sideImport(batch: RecordBatch, side: Side, source: string) {
  const account = side === 'external' ? batch.reconciliation.externalAccount : batch.reconciliation.internalAccount;
  const records = batch[side].map((r, entry) => ({
    ...r,
    // Batch ids are short; prefixing with the reconciliation keeps them unique in a shared database.
    id: `${source}:${batch.reconciliation.id}:${r.id}`,
    side,
    provenance: { file: `${source}/${batch.reconciliation.id}.json`, entry, raw: { id: r.id } },
  }));
  const sha256 = createHash('sha256').update(JSON.stringify(batch[side])).digest('hex');
  return { format: 'json' as const, side, account, fileName: `${source}-${batch.reconciliation.id}-${side}.json`, sha256, createdBy: source, records };
}

export async function loadDemoBatch(db: Database, file: URL = DEMO_BATCH_FILE): Promise<DemoLoadResult> {
  return loadRecordBatch(db, await readRecordBatch(file), 'demo');
}

/** Stores a record batch as two imports and its reconciliation, idempotently; `source` prefixes the record ids. */
export async function loadRecordBatch(db: Database, batch: RecordBatch, source: string): Promise<DemoLoadResult> {
  const { reconciliation } = batch;
  return db.transaction(async (tx) => {
    await tx
      .insert(reconciliations)
      .values({
        id: reconciliation.id,
        name: reconciliation.name,
        domain: reconciliation.domain,
        externalAccount: reconciliation.externalAccount,
        internalAccount: reconciliation.internalAccount,
      })
      .onConflictDoNothing();
    const sides = [sideImport(batch, 'external', source), sideImport(batch, 'internal', source)];
    const [external, internal] = [await storeImport(tx, sides[0]!), await storeImport(tx, sides[1]!)];
    return {
      reconciliationId: reconciliation.id,
      asOf: batch.asOf,
      name: reconciliation.name,
      loaded: external.status === 'stored' || internal.status === 'stored',
      external: external.recordCount,
      internal: internal.recordCount,
    };
  });
}
