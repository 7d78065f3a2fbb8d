/**
 * `npm run bench -- import`: end-to-end streamed imports (file → parser →
 * batches sent through one COPY in one transaction), one format per child
 * process so each peak RSS is that import's own footprint.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, MEMORY_DATA_DIR } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { importStatementStream } from '../db/repositories/import-statement-stream.ts';
import { createScratchDatabase } from '../db/testing/test-database.ts';
import { writeCamt053, writeCsv } from './generate-statements.ts';
import { report } from './report.ts';

const SELF = fileURLToPath(import.meta.url);

/** Runs in the child: one streamed import, then prints its measurement. */
export async function importOne(file: string, databaseUrl: string | undefined): Promise<void> {
  const scratch = databaseUrl ? await createScratchDatabase(databaseUrl) : undefined;
  const handle = await createDatabase({ databaseUrl: scratch?.url, dataDir: MEMORY_DATA_DIR });
  try {
    await runMigrations(handle);
    const started = performance.now();
    const result = await importStatementStream(handle.db, { open: () => createReadStream(file, { highWaterMark: 256 * 1024 }) }, { fileName: file, side: 'external', account: 'DE89370400440532013000' });
    const seconds = (performance.now() - started) / 1000;
    const peak = Math.round(process.resourceUsage().maxRSS / 1024);
    report({ bench: 'import', case: `${result.format} ${handle.kind}`, count: result.recordCount, unit: `records, peak ${peak} MB`, seconds, perSecond: result.recordCount / seconds });
  } finally {
    await handle.close();
    await scratch?.drop();
  }
}

export async function importBench(options: { scale: number; databaseUrl: string | undefined }): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'recon-bench-'));
  try {
    await writeCsv(join(dir, 'bank.csv'), Math.round(1_000_000 * options.scale));
    await writeCamt053(join(dir, 'stmt.xml'), Math.round(100_000 * options.scale));
    for (const file of ['stmt.xml', 'bank.csv']) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', join(SELF, '..', 'main.ts'), '--one', join(dir, file)], { encoding: 'utf8' });
      process.stdout.write(out);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
