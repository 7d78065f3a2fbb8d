/**
 * One entry point for every format: bytes in, canonical records, warnings and
 * errors out. Pure: the caller reads the file and stores the result.
 */
import type { CanonicalRecord } from '../records/canonical-record.ts';
import type { Side } from '../statuses.ts';
import { parseBai2 } from './bai2/parse-bai2.ts';
import { parseCamt } from './camt/parse-camt.ts';
import type { CsvProfile } from './csv/csv-profile.ts';
import { BANK_PROFILE, LEDGER_PROFILE } from './csv/csv-profile.ts';
import { CsvParser } from './csv/parse-csv.ts';
import { decodeText } from './decode-text.ts';
import { detectFormat, type DetectedFormat } from './detect-format.ts';
import type { ImportIssue } from './import-issues.ts';
import { parseMt940 } from './mt940/parse-mt940.ts';
import { parseOfx } from './ofx/parse-ofx.ts';
import type { ParseOutput } from './parsed-statement.ts';
import { checkStatements, type StatementCheck } from './statement-integrity.ts';
import { RecordCollector, toCanonicalRecords, type RecordOptions } from './to-canonical-records.ts';
import { readXlsxRows } from './xlsx/read-xlsx.ts';
import type { InflateRaw } from './xlsx/zip-reader.ts';

export type StatementFormat = DetectedFormat;

export interface ParseFileOptions {
  readonly fileName: string;
  readonly format?: StatementFormat | 'auto';
  readonly side: Side;
  readonly account?: string;
  readonly profile?: CsvProfile;
  readonly defaultCurrency?: string;
  readonly errorLimit?: number;
  /** Deflate decompression for XLSX (ZIP) files; the I/O layer passes Node's zlib. */
  readonly inflateRaw?: InflateRaw;
}

export interface ParsedFile {
  readonly format: StatementFormat;
  readonly records: CanonicalRecord[];
  readonly statements: readonly StatementCheck[];
  readonly warnings: ImportIssue[];
  readonly errors: ImportIssue[];
}

const SOURCE: Readonly<Record<StatementFormat, string>> = {
  mt940: 'mt',
  mt942: 'mt',
  mt950: 'mt',
  camt052: 'camt',
  camt053: 'camt',
  camt054: 'camt',
  bai2: 'bai2',
  ofx: 'ofx',
  csv: 'csv',
  xlsx: 'xlsx',
};

function csvOptions(options: ParseFileOptions) {
  return {
    profile: options.profile ?? (options.side === 'internal' ? LEDGER_PROFILE : BANK_PROFILE),
    ...(options.defaultCurrency ? { defaultCurrency: options.defaultCurrency } : {}),
    ...(options.errorLimit ? { errorLimit: options.errorLimit } : {}),
  };
}

/**
 * What a format's parser hands back: its output, plus the records when the
 * parser passed its entries straight on to a record collector. Those entries
 * were never held, so a million-row CSV does not keep a million entries
 * beside its million records.
 */
interface ParseResult {
  readonly output: ParseOutput;
  readonly collected?: RecordCollector;
}

function recordOptions(detected: StatementFormat, options: ParseFileOptions): RecordOptions {
  return { source: SOURCE[detected], side: options.side, fileName: options.fileName, ...(options.account ? { account: options.account } : {}) };
}

/**
 * Characters per row assumed when guessing a CSV's row count from its length:
 * a little above a typical bank export's, so the guess rarely sizes the id
 * table much larger than needed.
 */
const CHARS_PER_ROW_GUESS = 128;

/**
 * A CSV parser whose entries go to a collector, numbered as `toCanonicalRecords`
 * numbers a single statement's. `size`, the text's length when known, lets the
 * collector size its id table once.
 */
function collectingCsvParser(detected: StatementFormat, options: ParseFileOptions, size = 0): { parser: CsvParser; collected: RecordCollector } {
  const collected = new RecordCollector(recordOptions(detected, options), Math.floor(size / CHARS_PER_ROW_GUESS));
  let index = 0;
  const parser = new CsvParser({ ...csvOptions(options), onEntry: (entry) => collected.add(entry, undefined, 0, index++, false) });
  return { parser, collected };
}

/** A spreadsheet goes through the same column mapping as CSV, row by row. */
function parseXlsx(bytes: Uint8Array, options: ParseFileOptions): ParseResult {
  if (!options.inflateRaw) return { output: { statements: [], warnings: [], errors: [{ code: 'unsupported_format', message: 'XLSX needs a decompressor (inflateRaw) from the caller' }] } };
  let rows;
  try {
    rows = readXlsxRows(bytes, options.inflateRaw);
  } catch (error) {
    return { output: { statements: [], warnings: [], errors: [{ code: 'invalid_xlsx', message: `not a readable XLSX workbook: ${error instanceof Error ? error.message : String(error)}` }] } };
  }
  const { parser, collected } = collectingCsvParser('xlsx', options);
  for (const row of rows) parser.addRow(row);
  return { output: parser.end(), collected };
}

function parseText(format: StatementFormat, text: string, options: ParseFileOptions): ParseOutput | undefined {
  switch (format) {
    case 'mt940':
    case 'mt942':
    case 'mt950':
      return parseMt940(text, options);
    case 'camt052':
    case 'camt053':
    case 'camt054':
      return parseCamt(text, options);
    case 'bai2':
      return parseBai2(text, options);
    case 'ofx':
      return parseOfx(text, options);
    default:
      return undefined;
  }
}

export function parseStatementFile(bytes: Uint8Array, options: ParseFileOptions): ParsedFile {
  const detected = options.format && options.format !== 'auto' ? options.format : detectFormat(bytes);
  if (!detected) {
    return {
      format: 'csv',
      records: [],
      statements: [],
      warnings: [],
      errors: [{ code: 'unknown_format', line: 1, message: 'the format could not be recognised; name it with --format (mt940, mt942, mt950, camt052, camt053, camt054, bai2, ofx, csv, xlsx)' }],
    };
  }
  let result: ParseResult | undefined;
  if (detected === 'xlsx') result = parseXlsx(bytes, options);
  else {
    const text = decodeText(bytes, options.profile?.encoding).text;
    if (detected === 'csv') {
      const { parser, collected } = collectingCsvParser(detected, options, text.length);
      parser.write(text);
      result = { output: parser.end(), collected };
    } else {
      const output = parseText(detected, text, options);
      result = output ? { output } : undefined;
    }
  }
  if (!result) return { format: detected, records: [], statements: [], warnings: [], errors: [{ code: 'unsupported_format', message: `${detected} files cannot be imported` }] };
  const { output, collected } = result;
  const integrity = checkStatements(output.statements);
  // Record issues count only when the parser found nothing wrong, as before records were collected while parsing.
  const { records, errors } = output.errors.length > 0 ? { records: [], errors: [] } : (collected ?? toCanonicalRecords(output.statements, recordOptions(detected, options)));
  const allErrors = [...output.errors, ...errors];
  // All or nothing: a file with any error yields no records.
  return { format: detected, records: allErrors.length > 0 ? [] : records, statements: integrity.checks, warnings: [...output.warnings, ...integrity.warnings], errors: allErrors };
}
