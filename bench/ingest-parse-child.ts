/**
 * A child process of the ingest benchmark for one parse step:
 * `node --import tsx bench/ingest-parse-child.ts <name> <file> <count>`. It
 * loads only the parsing code — not the database drivers, PGlite or the
 * agents that `bench/main.ts` pulls in — so the figure is the parser's own.
 */
import { readFile } from 'node:fs/promises';
import { parseStatementFile } from '../core/ingest/parse-statement-file.ts';
import { report } from './report.ts';

const UNITS: Readonly<Record<string, string>> = { camt053: 'entries', mt940: 'transactions', csv: 'rows' };

const [name, file, countText] = process.argv.slice(2) as [string, string, string];
const count = Number(countText);
const bytes = await readFile(file);
const started = performance.now();
const parsed = parseStatementFile(bytes, { fileName: file, side: 'external', account: 'DE89370400440532013000' });
const seconds = (performance.now() - started) / 1000;
if (parsed.errors.length > 0 || parsed.records.length !== count) throw new Error(`${file}: ${parsed.errors.length} errors, ${parsed.records.length} of ${count} records`);
report({ bench: 'ingest', case: `parse ${name}`, count, unit: UNITS[name] ?? 'records', seconds, perSecond: count / seconds });
