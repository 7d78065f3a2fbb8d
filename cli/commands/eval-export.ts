/** `recon eval export-decisions --out f.jsonl`: reviewer decisions from the database as evaluation cases. */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Config } from '../../core/config/config-schema.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { exportDecisions } from '../../evals/replay/export-decisions.ts';
import { print } from '../output.ts';
import { createCliLogger, openMigratedDatabase } from '../runtime.ts';

export async function exportDecisionsCommand(config: Config, argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...argv], options: { out: { type: 'string' } } });
  if (!values.out) throw new AppError('validation_failed', 'recon eval export-decisions needs --out with a file name');
  const db = await openMigratedDatabase(config, createCliLogger(config));
  try {
    const { cases, skipped } = await exportDecisions(db.db);
    await writeFile(values.out, cases.map((c) => `${JSON.stringify(c)}\n`).join(''));
    print(`Wrote ${cases.length} decided exceptions as cases to ${values.out}.`);
    for (const s of skipped) print(`  skipped ${s.exceptionId}: ${s.reason}`);
    print(`Score them with: recon eval --cases ${values.out}`);
    return 0;
  } finally {
    await db.close();
  }
}
