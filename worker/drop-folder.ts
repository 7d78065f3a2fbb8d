/**
 * Files dropped in a reconciliation's folder are imported before its run,
 * through the same streamed use case as `recon import`: each file all or
 * nothing, a file imported before found again by its content (so files stay
 * where they are and nothing is lost). A file that does not parse is left in
 * place, reported with its reason, and does not stop the others or the run.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, isAppError } from '../core/errors/app-error.ts';
import type { Side } from '../core/statuses.ts';
import type { Database } from '../db/client.ts';
import { importStatementStream } from '../db/repositories/import-statement-stream.ts';
import type { Logger } from '../monitoring/logger.ts';

export interface DropFolderResult {
  readonly imported: readonly { readonly file: string; readonly importId: string; readonly records: number }[];
  readonly alreadyImported: number;
  readonly refused: readonly { readonly file: string; readonly reason: string }[];
}

export async function importDropFolder(db: Database, folder: string, side: Side, account: string, logger: Logger): Promise<DropFolderResult> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => !n.startsWith('.')).sort();
  } catch (error) {
    // A folder that is not there is a configuration problem: no retry will make it appear.
    throw new AppError('config_invalid', `the ${side} drop folder ${folder} cannot be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const imported: { file: string; importId: string; records: number }[] = [];
  const refused: { file: string; reason: string }[] = [];
  let alreadyImported = 0;
  for (const name of names) {
    const path = join(folder, name);
    if (!(await stat(path)).isFile()) continue;
    const importOnce = () => importStatementStream(db, { open: () => createReadStream(path, { highWaterMark: 256 * 1024 }) }, { fileName: name, side, account, createdBy: 'worker' });
    try {
      // Two runs of the reconciliation importing the same new file at once: the one that loses the race
      // fails on a unique key (a record conflict, or the imports table's own key as a plain database error),
      // and looking again finds the winner's import as a duplicate. A parse problem is final at once.
      const result = await importOnce().catch((error: unknown) => (!isAppError(error) || error.code === 'conflict' ? importOnce() : Promise.reject(error)));
      if (result.status === 'duplicate') alreadyImported += 1;
      else imported.push({ file: name, importId: result.importId, records: result.recordCount });
    } catch (error) {
      if (isAppError(error) && error.retryable) throw error;
      const reason = isAppError(error) ? [error.message, ...error.issues.slice(0, 5).map((i) => `${i.line !== undefined ? `line ${i.line}: ` : ''}${i.message}`)].join('; ') : error instanceof Error ? error.message : String(error);
      logger.warn({ file: path, side, reason }, 'a dropped file was refused and left in place');
      refused.push({ file: name, reason });
    }
  }
  return { imported, alreadyImported, refused };
}
