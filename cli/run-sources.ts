/**
 * Where `recon run` takes each side's records from: an import id, a file
 * (imported first — all or nothing, and a file imported before is found
 * again), or a configured reconciliation's two accounts.
 */
import { existsSync, createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { eq } from 'drizzle-orm';
import { AppError } from '../core/errors/app-error.ts';
import type { CanonicalRecord } from '../core/records/canonical-record.ts';
import type { Domain, Side } from '../core/statuses.ts';
import type { Database } from '../db/client.ts';
import { importStatementStream } from '../db/repositories/import-statement-stream.ts';
import { loadAccountRecords, loadImportRecords } from '../db/repositories/record-loader.ts';
import { reconciliations } from '../db/schema/reconciliations.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function sideRecords(db: Database, side: Side, spec: string): Promise<CanonicalRecord[]> {
  if (UUID.test(spec)) {
    const records = await loadImportRecords(db, spec);
    if (records.length === 0) throw new AppError('not_found', `--${side} ${spec}: no import with that id has records`);
    return records;
  }
  if (!existsSync(spec)) throw new AppError('not_found', `--${side} ${spec}: neither an import id nor a file`);
  // Bad input throws a located AppError and stores nothing.
  const result = await importStatementStream(db, { open: () => createReadStream(spec, { highWaterMark: 256 * 1024 }) }, { fileName: basename(spec), side, createdBy: 'cli' });
  return loadImportRecords(db, result.importId);
}

export interface ReconciliationRecords {
  readonly domain: Domain;
  readonly config: Record<string, unknown>;
  readonly external: CanonicalRecord[];
  readonly internal: CanonicalRecord[];
}

/** A configured reconciliation's domain, matching configuration and accounts. */
export async function reconciliationSettings(db: Database, id: string) {
  const [row] = await db.select().from(reconciliations).where(eq(reconciliations.id, id)).limit(1);
  if (!row) throw new AppError('not_found', `no reconciliation "${id}"`);
  return { domain: row.domain, config: row.config, externalAccount: row.externalAccount, internalAccount: row.internalAccount };
}

export async function reconciliationRecords(db: Database, id: string): Promise<ReconciliationRecords> {
  const row = await reconciliationSettings(db, id);
  return {
    domain: row.domain,
    config: row.config,
    external: await loadAccountRecords(db, 'external', row.externalAccount),
    internal: await loadAccountRecords(db, 'internal', row.internalAccount),
  };
}

/** Without --as-of, the batch's latest booking date: the day the statement runs to. */
export function latestDate(records: readonly CanonicalRecord[]): string | undefined {
  let latest: string | undefined;
  for (const r of records) if (!latest || r.date > latest) latest = r.date;
  return latest;
}
