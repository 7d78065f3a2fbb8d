import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { AppError } from '../../core/errors/app-error.ts';
import { isValidIsoDate } from '../../core/dates/iso-date.ts';
import { matchConfigSchema } from '../../core/match/match-config.ts';
import { AGENT_MODES, type AgentMode, type Domain } from '../../core/statuses.ts';
import type { CanonicalRecord } from '../../core/records/canonical-record.ts';
import { runBatch } from '../../agents/run-batch.ts';
import type { Command } from '../command.ts';
import { loadRecordBatch, readRecordBatch } from '../demo/load-demo-batch.ts';
import { print } from '../output.ts';
import { progressPrinter } from '../run-progress.ts';
import { latestDate, reconciliationRecords, sideRecords } from '../run-sources.ts';
import { formatRunSummary } from '../run-summary.ts';
import { runSettings, wireRun } from '../run-wiring.ts';
import { createCliLogger, openMigratedDatabase } from '../runtime.ts';

const USAGE = `recon run (--reconciliation <id> | --batch <file.json> | --external <import-id|file> --internal <import-id|file>)
          [--mode rules|llm|hybrid] [--as-of YYYY-MM-DD] [--domain cash|securities] [--run-id <uuid>] [--json]
  --run-id of a run that was interrupted resumes it from its last checkpoint.`;

export const runCommand: Command = {
  name: 'run',
  summary: 'Reconcile a batch: match, then classify, explain and suggest a resolution for every break',
  usage: USAGE,
  async run({ config, argv }) {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        reconciliation: { type: 'string' },
        batch: { type: 'string' },
        external: { type: 'string' },
        internal: { type: 'string' },
        mode: { type: 'string' },
        'as-of': { type: 'string' },
        domain: { type: 'string', default: 'cash' },
        'run-id': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    const problems: string[] = [];
    if (!values.reconciliation && !values.batch && !(values.external && values.internal)) problems.push('--reconciliation, --batch, or both --external and --internal');
    if (values.mode && !AGENT_MODES.includes(values.mode as AgentMode)) problems.push(`--mode as one of ${AGENT_MODES.join(', ')}`);
    if (values['as-of'] && !isValidIsoDate(values['as-of'])) problems.push('--as-of as a date YYYY-MM-DD');
    if (values.domain !== 'cash' && values.domain !== 'securities') problems.push('--domain cash or securities');
    if (problems.length > 0) throw new AppError('validation_failed', `recon run needs ${problems.join('; ')}\nUsage: ${USAGE}`);

    const logger = createCliLogger(config);
    const db = await openMigratedDatabase(config, logger);
    const progress = progressPrinter();
    try {
      let batch: { domain: Domain; config: Record<string, unknown>; external: CanonicalRecord[]; internal: CanonicalRecord[] };
      let reconciliationId = values.reconciliation;
      let asOfDefault: string | undefined;
      if (values.batch) {
        // A record batch file: stored as two imports and its reconciliation (idempotently), then run like one.
        const file = await readRecordBatch(pathToFileURL(resolve(values.batch)));
        await loadRecordBatch(db.db, file, 'batch');
        reconciliationId = file.reconciliation.id;
        asOfDefault = file.asOf;
      }
      if (reconciliationId) batch = await reconciliationRecords(db.db, reconciliationId);
      else batch = { domain: values.domain as Domain, config: {}, external: await sideRecords(db.db, 'external', values.external!), internal: await sideRecords(db.db, 'internal', values.internal!) };
      const asOf = values['as-of'] ?? asOfDefault ?? latestDate([...batch.external, ...batch.internal]);
      if (!asOf) throw new AppError('validation_failed', 'the batch holds no records; nothing to reconcile');
      const matchConfig = matchConfigSchema.safeParse(batch.config);
      if (!matchConfig.success) throw new AppError('config_invalid', `reconciliation ${reconciliationId} has an invalid configuration`, { issues: matchConfig.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
      const runId = values['run-id'] ?? randomUUID();
      // The run's log lines (LLM calls, fallbacks) carry its id.
      const wiring = await wireRun(config, db, async () => ({ external: batch.external, internal: batch.internal }), logger.child({ runId }), (p) => (values.json ? undefined : progress.update(p)));
      try {
        const result = await runBatch({
          deps: wiring.deps,
          settings: runSettings(config, (values.mode as AgentMode | undefined) ?? config.mode),
          checkpointer: wiring.checkpointer.saver,
          input: { runId, domain: batch.domain, asOf, matchConfig: batch.config, ...(reconciliationId ? { reconciliationId } : {}) },
        });
        progress.end();
        if (values.json) print(JSON.stringify(result.summary, null, 2));
        else {
          if (result.resumed) print('Resumed from the last checkpoint of an interrupted attempt.');
          for (const line of formatRunSummary(result.summary)) print(line);
        }
        return 0;
      } finally {
        await wiring.close();
      }
    } finally {
      await db.close();
    }
  },
};
