/**
 * The import use case shared by the CLI, the API and the worker's file drop:
 * parse the bytes (pure core), refuse the whole file on any error, store all
 * records atomically, and report a repeated file as a duplicate.
 */
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../core/errors/app-error.ts';
import { importFailed, type ImportIssue } from '../../core/ingest/import-issues.ts';
import { parseStatementFile, type ParseFileOptions, type StatementFormat } from '../../core/ingest/parse-statement-file.ts';
import type { StatementCheck } from '../../core/ingest/statement-integrity.ts';
import type { Database } from '../client.ts';
import { storeImport } from './imports-repository.ts';

export interface ImportStatementResult {
  readonly importId: string;
  readonly status: 'stored' | 'duplicate';
  readonly format: StatementFormat;
  readonly recordCount: number;
  readonly warnings: readonly ImportIssue[];
  readonly statements: readonly StatementCheck[];
}

export async function importStatement(db: Database, bytes: Uint8Array, options: ParseFileOptions & { createdBy?: string }): Promise<ImportStatementResult> {
  const parsed = parseStatementFile(bytes, { inflateRaw: (data) => inflateRawSync(data), ...options });
  if (parsed.errors.length > 0) throw importFailed(options.fileName, parsed.errors);
  if (parsed.records.length === 0) {
    throw new AppError('parse_failed', `${options.fileName}: the file holds no transactions to import`, { details: { fileName: options.fileName }, issues: [{ message: 'no transactions found' }] });
  }
  const account = options.account ?? parsed.records[0]!.account;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const stored = await storeImport(db, {
    format: parsed.format,
    side: options.side,
    account,
    fileName: options.fileName,
    sha256,
    warnings: parsed.warnings.map((w) => ({ code: w.code, message: w.message, ...(w.line !== undefined ? { line: w.line } : {}), ...(w.statement ? { statement: w.statement } : {}) })),
    ...(options.createdBy ? { createdBy: options.createdBy } : {}),
    records: parsed.records,
  });
  return { importId: stored.importId, status: stored.status, format: parsed.format, recordCount: stored.recordCount, warnings: parsed.warnings, statements: parsed.statements };
}
