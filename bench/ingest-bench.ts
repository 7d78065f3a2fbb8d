/**
 * `npm run bench -- ingest`: parse speed per format and bulk storage speed
 * (one atomic import through COPY). Sizes follow the targets of the ingestion
 * issue; pass `--scale 0.1` for a quick run. Prints one line per measurement.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseStatementFile } from '../core/ingest/parse-statement-file.ts';
import { createDatabase, MEMORY_DATA_DIR } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { storeImport } from '../db/repositories/imports-repository.ts';
import { createScratchDatabase } from '../db/testing/test-database.ts';
import { writeCamt053, writeCsv, writeMt940 } from './generate-statements.ts';
import { report } from './report.ts';

export async function ingestBench(options: { scale: number; databaseUrl: string | undefined }): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'recon-bench-'));
  try {
    const csvRows = Math.round(1_000_000 * options.scale);
    const camtEntries = Math.round(100_000 * options.scale);
    const mtTransactions = Math.round(200_000 * options.scale);
    await writeCsv(join(dir, 'bank.csv'), csvRows);
    await writeCamt053(join(dir, 'stmt.xml'), camtEntries);
    await writeMt940(join(dir, 'stmt.sta'), mtTransactions);

    const scratch = options.databaseUrl ? await createScratchDatabase(options.databaseUrl) : undefined;
    const handle = await createDatabase({ databaseUrl: scratch?.url, dataDir: MEMORY_DATA_DIR });
    await runMigrations(handle);

    let csvRecords: ReturnType<typeof parseStatementFile>['records'] = [];
    for (const [name, file, count, unit] of [
      // CSV last: its million records stay in memory for the storage step and
      // would otherwise slow the other parsers' garbage collection.
      ['camt053', 'stmt.xml', camtEntries, 'entries'],
      ['mt940', 'stmt.sta', mtTransactions, 'transactions'],
      ['csv', 'bank.csv', csvRows, 'rows'],
    ] as const) {
      const bytes = await readFile(join(dir, file));
      const started = performance.now();
      const parsed = parseStatementFile(bytes, { fileName: file, side: 'external', account: 'DE89370400440532013000' });
      const seconds = (performance.now() - started) / 1000;
      if (parsed.errors.length > 0 || parsed.records.length !== count) throw new Error(`${name}: ${parsed.errors.length} errors, ${parsed.records.length} of ${count} records`);
      report({ bench: 'ingest', case: `parse ${name}`, count, unit, seconds, perSecond: count / seconds });
      if (name === 'csv') csvRecords = parsed.records;
    }

    try {
      const started = performance.now();
      await storeImport(handle.db, { format: 'csv', side: 'external', account: 'DE89370400440532013000', fileName: 'bank.csv', sha256: 'bench', records: csvRecords });
      const seconds = (performance.now() - started) / 1000;
      report({ bench: 'ingest', case: `store ${handle.kind}`, count: csvRecords.length, unit: 'records', seconds, perSecond: csvRecords.length / seconds });
    } finally {
      await handle.close();
      await scratch?.drop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
