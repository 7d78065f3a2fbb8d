/**
 * `npm run bench -- ingest`: parse speed per format and bulk storage speed
 * (one atomic import through COPY). Sizes follow the targets of the ingestion
 * issue; pass `--scale 0.1` for a quick run. Each measurement runs in a child
 * process of its own, like the matching benchmark's sizes, so no step pays
 * for the garbage another left in the heap; the parse steps load only the
 * parsing code (`ingest-parse-child.ts`). Prints one line per measurement.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseStatementFile } from '../core/ingest/parse-statement-file.ts';
import { createDatabase, MEMORY_DATA_DIR } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { storeImport } from '../db/repositories/imports-repository.ts';
import { createScratchDatabase } from '../db/testing/test-database.ts';
import { writeCamt053, writeCsv, writeMt940 } from './generate-statements.ts';
import { report } from './report.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

function parse(bytes: Uint8Array, file: string, count: number) {
  const parsed = parseStatementFile(bytes, { fileName: file, side: 'external', account: 'DE89370400440532013000' });
  if (parsed.errors.length > 0 || parsed.records.length !== count) throw new Error(`${file}: ${parsed.errors.length} errors, ${parsed.records.length} of ${count} records`);
  return parsed;
}

/** A child process of the ingest benchmark's storage step: `store:<file>:<count>` (the parse is not timed). */
export async function ingestOne(spec: string, databaseUrl: string | undefined): Promise<void> {
  const [, file, count] = spec.split(':') as [string, string, string];
  const records = parse(await readFile(file), file, Number(count)).records;
  const scratch = databaseUrl ? await createScratchDatabase(databaseUrl) : undefined;
  const handle = await createDatabase({ databaseUrl: scratch?.url, dataDir: MEMORY_DATA_DIR });
  try {
    await runMigrations(handle);
    const started = performance.now();
    await storeImport(handle.db, { format: 'csv', side: 'external', account: 'DE89370400440532013000', fileName: 'bank.csv', sha256: 'bench', records });
    const seconds = (performance.now() - started) / 1000;
    report({ bench: 'ingest', case: `store ${handle.kind}`, count: records.length, unit: 'records', seconds, perSecond: records.length / seconds });
  } finally {
    await handle.close();
    await scratch?.drop();
  }
}

export async function ingestBench(options: { scale: number; databaseUrl: string | undefined }): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'recon-bench-'));
  try {
    const csvRows = Math.round(1_000_000 * options.scale);
    const camtEntries = Math.round(100_000 * options.scale);
    const mtTransactions = Math.round(200_000 * options.scale);
    const csv = join(dir, 'bank.csv');
    await writeCsv(csv, csvRows);
    await writeCamt053(join(dir, 'stmt.xml'), camtEntries);
    await writeMt940(join(dir, 'stmt.sta'), mtTransactions);
    const child = (args: string[]) => process.stdout.write(execFileSync(process.execPath, ['--import', 'tsx', ...args], { encoding: 'utf8', maxBuffer: 1 << 20 }));
    for (const [name, file, count] of [['camt053', join(dir, 'stmt.xml'), camtEntries], ['mt940', join(dir, 'stmt.sta'), mtTransactions], ['csv', csv, csvRows]] as const) {
      child([join(HERE, 'ingest-parse-child.ts'), name, file, String(count)]);
    }
    // The environment (DATABASE_URL among it) goes to the child as it is.
    child([join(HERE, 'main.ts'), '--ingest-one', `store:${csv}:${csvRows}`]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
