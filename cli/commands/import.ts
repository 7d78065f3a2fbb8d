import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../core/errors/app-error.ts';
import { csvProfileSchema, BUILT_IN_PROFILES, type CsvProfile } from '../../core/ingest/csv/csv-profile.ts';
import { formatIssue } from '../../core/ingest/import-issues.ts';
import { IMPORT_FORMATS, SIDES, type Side } from '../../core/statuses.ts';
import { importStatementStream } from '../../db/repositories/import-statement-stream.ts';
import type { Command } from '../command.ts';
import { print } from '../output.ts';
import { createCliLogger, openMigratedDatabase } from '../runtime.ts';

const USAGE = `recon import --side external|internal [--format <fmt>|auto] [--account <id>] [--profile bank|ledger|<file.json>] [--currency <CCY>] [--json] <file>
  formats: ${IMPORT_FORMATS.filter((f) => f !== 'json').join(', ')}`;

async function loadProfile(spec: string | undefined): Promise<CsvProfile | undefined> {
  if (!spec) return undefined;
  const builtIn = BUILT_IN_PROFILES[spec];
  if (builtIn) return builtIn;
  const parsed = csvProfileSchema.safeParse(JSON.parse(await readFile(spec, 'utf8')));
  if (!parsed.success) {
    throw new AppError('validation_failed', `${spec} is not a valid CSV profile`, { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  }
  return parsed.data;
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Import a bank statement or ledger file (MT940/942/950, camt.052/053/054, CSV) — all records or none',
  usage: USAGE,
  async run({ config, argv }) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'auto' },
        side: { type: 'string' },
        account: { type: 'string' },
        profile: { type: 'string' },
        currency: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    const file = positionals[0];
    const problems: string[] = [];
    if (!file) problems.push('a file to import');
    if (!values.side || !SIDES.includes(values.side as Side)) problems.push('--side external or --side internal');
    if (values.format !== 'auto' && !IMPORT_FORMATS.includes(values.format as never)) problems.push(`--format as one of auto, ${IMPORT_FORMATS.join(', ')}`);
    if (problems.length > 0) throw new AppError('validation_failed', `recon import needs ${problems.join(', ')}\nUsage: ${USAGE}`);
    const profile = await loadProfile(values.profile);
    const logger = createCliLogger(config);
    const db = await openMigratedDatabase(config, logger);
    try {
      // Streamed: large CSV and camt files are never held in memory whole.
      const source = { open: () => createReadStream(file!, { highWaterMark: 256 * 1024 }) };
      const result = await importStatementStream(db.db, source, {
        fileName: basename(file!),
        format: values.format as never,
        side: values.side as Side,
        ...(values.account ? { account: values.account } : {}),
        ...(profile ? { profile } : {}),
        ...(values.currency ? { defaultCurrency: values.currency.toUpperCase() } : {}),
        createdBy: 'cli',
      });
      if (values.json) {
        print(JSON.stringify(result, null, 2));
        return 0;
      }
      print(
        result.status === 'duplicate'
          ? `Duplicate import: ${basename(file!)} was already imported as ${result.importId} (${result.recordCount} records); nothing new stored.`
          : `Imported ${result.recordCount} records from ${basename(file!)} (${result.format}) as import ${result.importId}.`,
      );
      for (const s of result.statements) if (s.foots !== undefined) print(`  statement ${s.statement}: ${s.foots ? 'balances foot' : `does NOT foot (expected closing ${s.expectedClosing}, file says ${s.closing})`}`);
      for (const w of result.warnings) print(`  warning: ${formatIssue(w)}`);
      return 0;
    } finally {
      await db.close();
    }
  },
};
