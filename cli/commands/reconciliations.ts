/**
 * `recon reconciliations list|set|delete`: configure reconciliations from the
 * command line with the API's own validation (every problem listed), the same
 * audited repository, and the same scheduler sync — at once with Redis; an
 * in-process scheduler (no Redis) picks the change up within a minute.
 */
import { parseArgs } from 'node:util';
import { AppError } from '../../core/errors/app-error.ts';
import { reconciliationCreateSchema, reconciliationPatchSchema } from '../../api/routes/reconciliations.ts';
import { createReconciliation, deleteReconciliation, listReconciliations, reconciliationById, updateReconciliation } from '../../db/repositories/reconciliations-repository.ts';
import { reconciliationScheduler } from '../../worker/reconciliation-schedules.ts';
import type { Command } from '../command.ts';
import { createJobSystem } from '../job-wiring.ts';
import { print } from '../output.ts';
import { createCliLogger, openMigratedDatabase } from '../runtime.ts';

const USAGE = `recon reconciliations list
       recon reconciliations set <id> [--name <name>] [--external <account>] [--internal <account>] [--domain cash|securities]
             [--mode rules|llm|hybrid|default] [--schedule "<cron>"|none] [--timezone <IANA zone>] [--enabled true|false]
             [--partition-by none|currency|account|date] [--partition-days <n>]
             [--external-drop-folder <dir>|none] [--internal-drop-folder <dir>|none] [--config <json>]
       recon reconciliations delete <id>
  set creates the reconciliation when it does not exist (then --name, --external and --internal are needed).`;

const OPTIONS = {
  name: { type: 'string' },
  external: { type: 'string' },
  internal: { type: 'string' },
  domain: { type: 'string' },
  mode: { type: 'string' },
  schedule: { type: 'string' },
  timezone: { type: 'string' },
  enabled: { type: 'string' },
  'partition-by': { type: 'string' },
  'partition-days': { type: 'string' },
  'external-drop-folder': { type: 'string' },
  'internal-drop-folder': { type: 'string' },
  config: { type: 'string' },
} as const;

function fieldsOf(values: Record<string, string | undefined>): Record<string, unknown> {
  const none = (v: string | undefined) => (v === undefined ? undefined : v === 'none' ? null : v);
  const fields: Record<string, unknown> = {
    name: values.name,
    externalAccount: values.external,
    internalAccount: values.internal,
    domain: values.domain,
    mode: values.mode === undefined ? undefined : values.mode === 'default' ? null : values.mode,
    schedule: none(values.schedule),
    timezone: values.timezone,
    enabled: values.enabled === undefined ? undefined : values.enabled === 'true' ? true : values.enabled === 'false' ? false : values.enabled,
    partitionBy: values['partition-by'],
    partitionDays: values['partition-days'] === undefined ? undefined : Number(values['partition-days']),
    externalDropFolder: none(values['external-drop-folder']),
    internalDropFolder: none(values['internal-drop-folder']),
  };
  if (values.config !== undefined) {
    try {
      fields.config = JSON.parse(values.config);
    } catch {
      throw new AppError('validation_failed', '--config must be a JSON object such as {"dateWindowDays":3}');
    }
  }
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

function invalid(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): AppError {
  return new AppError('validation_failed', `recon reconciliations set: invalid settings\nUsage: ${USAGE}`, { issues: error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })) });
}

export const reconciliationsCommand: Command = {
  name: 'reconciliations',
  summary: 'List, configure and delete reconciliations (accounts, tolerances, schedule, partitions, drop folders)',
  usage: USAGE,
  async run({ config, argv }) {
    const [sub, id, ...rest] = argv;
    if (sub !== 'list' && sub !== 'set' && sub !== 'delete') throw new AppError('validation_failed', `recon reconciliations needs a subcommand, list, set or delete\nUsage: ${USAGE}`);
    if (sub !== 'list' && !id) throw new AppError('validation_failed', `recon reconciliations ${sub} needs the reconciliation's id\nUsage: ${USAGE}`);
    const fields = sub === 'set' ? fieldsOf(parseArgs({ args: rest, options: OPTIONS }).values) : {};
    const logger = createCliLogger(config);
    const db = await openMigratedDatabase(config, logger);
    const jobs = config.redisUrl ? createJobSystem(config, logger) : undefined;
    const schedules = jobs ? reconciliationScheduler(jobs) : undefined;
    const later = config.redisUrl ? '' : ' (the server’s in-process scheduler picks it up within a minute)';
    try {
      if (sub === 'list') {
        const rows = await listReconciliations(db.db);
        if (rows.length === 0) print('No reconciliations yet. Add one: recon reconciliations set <id> --name <name> --external <account> --internal <account>');
        for (const r of rows) print(`${r.id.padEnd(24)} ${r.domain.padEnd(10)} ${`${r.externalAccount} ↔ ${r.internalAccount}`.padEnd(40)} ${r.enabled && r.schedule ? `${r.schedule} ${r.timezone}` : 'not scheduled'}${r.partitionBy !== 'none' ? `  split by ${r.partitionBy}` : ''}`);
        return 0;
      }
      if (sub === 'delete') {
        await deleteReconciliation(db.db, id!, 'cli', new Date());
        await schedules?.remove(id!);
        print(`Deleted reconciliation ${id} and its schedule${later}.`);
        return 0;
      }
      const existing = await reconciliationById(db.db, id!);
      let row;
      if (existing) {
        const parsed = reconciliationPatchSchema.safeParse(fields);
        if (!parsed.success) throw invalid(parsed.error);
        row = await updateReconciliation(db.db, id!, parsed.data, 'cli', new Date());
      } else {
        const parsed = reconciliationCreateSchema.safeParse({ id, ...fields });
        if (!parsed.success) throw invalid(parsed.error);
        row = await createReconciliation(db.db, parsed.data, 'cli', new Date());
      }
      await schedules?.sync(row);
      const next = schedules && row.enabled && row.schedule ? await schedules.nextRunAt(row.id) : null;
      print(`${existing ? 'Updated' : 'Created'} reconciliation ${row.id}: ${row.enabled && row.schedule ? `runs on "${row.schedule}" (${row.timezone})${next ? `, next at ${next.toISOString()}` : later}` : 'not scheduled'}${row.partitionBy !== 'none' ? `, split by ${row.partitionBy}` : ''}.`);
      return 0;
    } finally {
      await jobs?.close();
      await db.close();
    }
  },
};
