/**
 * The import use case for files too large to hold: CSV and camt files are read
 * twice as streams — once to hash them (duplicate check, encoding), once to
 * parse them — and their records go out in batches through one COPY inside
 * one transaction, so memory stays bounded and a failure anywhere stores nothing.
 * Other formats (statement files are small) go through `importStatement`.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { CamtParser } from '../../core/ingest/camt/parse-camt.ts';
import { BANK_PROFILE, LEDGER_PROFILE } from '../../core/ingest/csv/csv-profile.ts';
import { CsvParser } from '../../core/ingest/csv/parse-csv.ts';
import { detectFormat } from '../../core/ingest/detect-format.ts';
import { importFailed, type ImportIssue } from '../../core/ingest/import-issues.ts';
import type { ParsedEntry, ParseOutput } from '../../core/ingest/parsed-statement.ts';
import type { ParseFileOptions } from '../../core/ingest/parse-statement-file.ts';
import { checkStatements } from '../../core/ingest/statement-integrity.ts';
import { isImportIssue, RecordBuilder } from '../../core/ingest/to-canonical-records.ts';
import type { CanonicalRecord } from '../../core/records/canonical-record.ts';
import type { Database } from '../client.ts';
import { imports } from '../schema/imports.ts';
import { importStatement, type ImportStatementResult } from './import-statement.ts';
import { findImportByContent, importAuditEntry, recordConflict } from './imports-repository.ts';
import { appendAudit } from './audit-repository.ts';
import { openRecordCopy, type RecordCopy } from './record-copy.ts';

export interface ByteSource {
  /** A fresh stream of the file's bytes each time it is called. */
  open(): AsyncIterable<Uint8Array>;
}

const BATCH = 5000;
const HEAD = 64 * 1024;
const STREAMED = new Set(['csv', 'camt052', 'camt053', 'camt054']);

async function survey(source: ByteSource): Promise<{ sha256: string; head: Uint8Array; utf8: boolean }> {
  const hash = createHash('sha256');
  const check = new TextDecoder('utf-8', { fatal: true });
  let head = new Uint8Array(0);
  let utf8 = true;
  for await (const chunk of source.open()) {
    hash.update(chunk);
    if (head.length < HEAD) head = new Uint8Array(Buffer.concat([head, chunk.subarray(0, HEAD - head.length)]));
    if (utf8) {
      try {
        check.decode(chunk, { stream: true });
      } catch {
        utf8 = false;
      }
    }
  }
  return { sha256: hash.digest('hex'), head, utf8 };
}

async function readAll(source: ByteSource): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of source.open()) parts.push(chunk);
  return new Uint8Array(Buffer.concat(parts));
}

export async function importStatementStream(db: Database, source: ByteSource, options: ParseFileOptions & { createdBy?: string }): Promise<ImportStatementResult> {
  const { sha256, head, utf8 } = await survey(source);
  const format = options.format && options.format !== 'auto' ? options.format : detectFormat(head);
  if (!format || !STREAMED.has(format)) return importStatement(db, await readAll(source), options);

  const existing = await findImportByContent(db, options.side, options.account, sha256);
  if (existing) return { importId: existing.id, status: 'duplicate', format, recordCount: existing.recordCount, warnings: existing.warnings.map((w) => ({ ...w })), statements: [] };

  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(imports)
        .values({ format, side: options.side, account: options.account ?? '', fileName: options.fileName, sha256, status: 'completed', createdBy: options.createdBy })
        .returning({ id: imports.id });
      const importId = row!.id;
      // One COPY for the whole file: the server stores each batch while the parser reads the next.
      const copy = await openRecordCopy(tx, importId);
      let parsed: ParsePass;
      try {
        parsed = await parsePass(source, format, utf8, options, copy);
        await copy.end();
      } catch (error) {
        await copy.abort();
        throw error;
      }
      const { count, account, output } = parsed;
      const integrity = checkStatements(output.statements);
      const warnings = [...output.warnings, ...integrity.warnings];
      await tx
        .update(imports)
        .set({ account: account ?? '', recordCount: count, warnings: warnings.map((w) => ({ code: w.code, message: w.message, ...(w.line !== undefined ? { line: w.line } : {}) })) })
        .where(eq(imports.id, importId));
      await appendAudit(tx, [importAuditEntry(importId, { side: options.side, account: account ?? '', format, fileName: options.fileName, sha256, recordCount: count, createdBy: options.createdBy })], new Date());
      return { importId, status: 'stored' as const, format, recordCount: count, warnings, statements: integrity.checks };
    });
  } catch (error) {
    // Two imports of the same file at once: the one that committed first stored it, and
    // this one failed on the imports' content key — for its caller, a duplicate.
    const stored = await findImportByContent(db, options.side, options.account, sha256);
    if (stored) return { importId: stored.id, status: 'duplicate', format, recordCount: stored.recordCount, warnings: stored.warnings.map((w) => ({ ...w })), statements: [] };
    throw recordConflict(error, options.fileName) ?? error;
  }
}

interface ParsePass {
  readonly count: number;
  readonly account: string | undefined;
  readonly output: ParseOutput;
}

/** Parses the file and sends its records to `copy` in batches; throws on any problem, having sent only what came before it. */
async function parsePass(source: ByteSource, format: string, utf8: boolean, options: ParseFileOptions, copy: RecordCopy): Promise<ParsePass> {
  const builder = new RecordBuilder({ source: format === 'csv' ? 'csv' : 'camt', side: options.side, fileName: options.fileName, ...(options.account ? { account: options.account } : {}) });
  const errors: ImportIssue[] = [];
  let batch: CanonicalRecord[] = [];
  let count = 0;
  let account = options.account;
  const perStatement = new Map<number, number>();
  const onEntry = (entry: ParsedEntry, statement: number, statementAccount: string | undefined) => {
    const index = perStatement.get(statement) ?? 0;
    perStatement.set(statement, index + 1);
    const result = builder.add(entry, { statement, index, multiStatement: false, ...(statementAccount ? { statementAccount } : {}) });
    if (isImportIssue(result)) errors.push(result);
    else if (errors.length === 0) {
      account ??= result.account;
      batch.push(result);
    }
  };
  const profile = options.profile ?? (options.side === 'internal' ? LEDGER_PROFILE : BANK_PROFILE);
  const parser = format === 'csv' ? new CsvParser({ profile, onEntry, ...(options.defaultCurrency ? { defaultCurrency: options.defaultCurrency } : {}) }) : new CamtParser({ onEntry });
  const decoder = new TextDecoder(profile.encoding ?? (utf8 ? 'utf-8' : 'windows-1252'));
  const flush = async () => {
    await copy.add(batch);
    count += batch.length;
    batch = [];
  };
  for await (const chunk of source.open()) {
    parser.write(decoder.decode(chunk, { stream: true }));
    if (batch.length >= BATCH && errors.length === 0) await flush();
  }
  parser.write(decoder.decode());
  const output = parser.end();
  const allErrors = [...output.errors, ...errors];
  if (allErrors.length > 0) throw importFailed(options.fileName, allErrors);
  await flush();
  if (count === 0) throw new AppError('parse_failed', `${options.fileName}: the file holds no transactions to import`, { issues: [{ message: 'no transactions found' }] });
  return { count, account, output };
}
