/** Reconciliations: the configured account pairs with tolerances, windows and schedule. */
import { z } from 'zod';
import { AppError } from '../../core/errors/app-error.ts';
import { PARTITION_KINDS } from '../../core/jobs/queue-names.ts';
import { cronProblem, isValidTimeZone } from '../../core/jobs/schedule-validation.ts';
import { matchConfigSchema } from '../../core/match/match-config.ts';
import { AGENT_MODES, DOMAINS } from '../../core/statuses.ts';
import { ACCOUNT_ROLES } from '../../core/taxonomy/index.ts';
import { createReconciliation, deleteReconciliation, listReconciliations, reconciliationById, updateReconciliation } from '../../db/repositories/reconciliations-repository.ts';
import type { Reconciliation } from '../../db/schema/reconciliations.ts';
import type { ApiDeps } from '../api-deps.ts';
import { defineRoute, type RouteSpec } from '../routing/route.ts';

/** Unknown keys are refused: a misspelt tolerance would otherwise be dropped silently and the default used. */
const strictMatchConfig = z.strictObject(matchConfigSchema.shape);

/** The stored config is what the caller sent (defaults stay the contract's); it must parse, with every problem listed under its path. */
const configInput = z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
  const parsed = strictMatchConfig.safeParse(value);
  if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});

/** Five cron fields (minute hour day month weekday), or six with seconds first; the message says which field is wrong. */
const schedule = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const problem = cronProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: `expected a cron expression such as "0 6 * * 1-5": ${problem}` });
  });
const folder = z.string().trim().min(1).max(1000);

const fields = {
  name: z.string().trim().min(1).max(200),
  domain: z.enum(DOMAINS),
  externalAccount: z.string().trim().min(1).max(100),
  internalAccount: z.string().trim().min(1).max(100),
  mode: z.enum(AGENT_MODES).nullable().describe('Agent mode; null follows the process default'),
  config: configInput.describe('Tolerances, windows and thresholds (core/match/match-config.ts); omitted keys take the defaults'),
  glCodes: z.partialRecord(z.enum(ACCOUNT_ROLES), z.string().trim().min(1).max(50)).describe('Account role → GL code for exported adjustments'),
  externalDropFolder: folder.nullable().describe('Folder whose new statement files are imported as the bank side before each run'),
  internalDropFolder: folder.nullable().describe('Folder whose new statement files are imported as the books side before each run'),
  externalImportId: z.uuid().nullable().describe('Reconcile this import instead of the bank account'),
  internalImportId: z.uuid().nullable().describe('Reconcile this import instead of the books account'),
  partitionBy: z.enum(PARTITION_KINDS).describe('Split a run into child jobs per currency, account pair or block of days, so several workers share it'),
  partitionDays: z.number().int().min(1).max(366).describe('Days per block when partitionBy is date'),
  schedule: schedule.nullable(),
  timezone: z.string().refine(isValidTimeZone, { message: 'expected an IANA time zone such as "Europe/Berlin"' }),
  enabled: z.boolean(),
};

const putBody = z.strictObject({
  ...fields,
  domain: fields.domain.default('cash'),
  mode: fields.mode.default(null),
  config: fields.config.default({}),
  glCodes: fields.glCodes.default({}),
  externalDropFolder: fields.externalDropFolder.default(null),
  internalDropFolder: fields.internalDropFolder.default(null),
  externalImportId: fields.externalImportId.default(null),
  internalImportId: fields.internalImportId.default(null),
  partitionBy: fields.partitionBy.default('none'),
  partitionDays: fields.partitionDays.default(7),
  schedule: fields.schedule.default(null),
  timezone: fields.timezone.default('UTC'),
  enabled: fields.enabled.default(true),
});
/** Shared with `recon reconciliations`, so the CLI refuses what the API refuses, with the same messages. */
export const reconciliationCreateSchema = putBody.extend({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'expected a slug of lower-case letters, digits and dashes, e.g. "operating-eur"' }) });
export const reconciliationPatchSchema = z
  .strictObject(fields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
const idParams = z.object({ id: z.string().min(1).max(100) });

function view(row: Reconciliation, nextRunAt: Date | null) {
  const effective = matchConfigSchema.safeParse(row.config);
  return {
    ...row,
    nextRunAt: nextRunAt?.toISOString() ?? null,
    effectiveConfig: effective.success ? effective.data : null,
    ...(effective.success ? {} : { configIssues: effective.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) }),
  };
}

export function reconciliationRoutes(deps: ApiDeps): RouteSpec[] {
  const db = deps.db.db;
  const schedules = deps.schedules;
  const nextRunAt = async (row: Reconciliation) => {
    if (!schedules || !row.schedule || !row.enabled) return null;
    try {
      return await schedules.nextRunAt(row.id);
    } catch (error) {
      // The list still answers when the job system does not; the next run is then unknown.
      deps.logger.warn({ err: error, reconciliationId: row.id }, 'could not read the next scheduled run');
      return null;
    }
  };
  const shown = async (row: Reconciliation) => view(row, await nextRunAt(row));
  /** The row is committed; a scheduler that cannot be reached now is brought in line when the job system next syncs. */
  const resync = async (row: Reconciliation) => {
    try {
      await schedules?.sync(row);
    } catch (error) {
      deps.logger.warn({ err: error, reconciliationId: row.id }, 'could not update the reconciliation’s scheduler; it is synced when the job system starts');
    }
    return shown(row);
  };
  const found = async (id: string) => {
    const row = await reconciliationById(db, id);
    if (!row) throw new AppError('not_found', `No reconciliation "${id}"`);
    return row;
  };
  return [
    defineRoute({
      method: 'get',
      path: '/reconciliations',
      role: 'viewer',
      summary: 'Configured reconciliations with their tolerances, windows and schedule',
      tag: 'reconciliations',
      responses: { 200: { description: 'Every reconciliation, in id order' } },
      handler: async () => ({ items: await Promise.all((await listReconciliations(db)).map(shown)) }),
    }),
    defineRoute({
      method: 'get',
      path: '/reconciliations/:id',
      role: 'viewer',
      summary: 'One reconciliation, with its configuration as given and with the defaults filled in',
      tag: 'reconciliations',
      params: idParams,
      responses: { 200: { description: 'The reconciliation' }, 404: { description: 'No reconciliation with this id' } },
      handler: async ({ params }) => shown(await found(params.id)),
    }),
    defineRoute({
      method: 'post',
      path: '/reconciliations',
      role: 'admin',
      summary: 'Configure a reconciliation',
      tag: 'reconciliations',
      body: reconciliationCreateSchema,
      responses: { 201: { description: 'Created' }, 400: { description: 'Every invalid field' }, 409: { description: 'The id is taken' } },
      handler: async ({ body, user }) => resync(await createReconciliation(db, body, user!.id, deps.clock())),
    }),
    defineRoute({
      method: 'put',
      path: '/reconciliations/:id',
      role: 'admin',
      summary: 'Replace a reconciliation’s settings (omitted optional fields take their defaults)',
      tag: 'reconciliations',
      params: idParams,
      body: putBody,
      responses: { 200: { description: 'Updated' }, 400: { description: 'Every invalid field' }, 404: { description: 'No reconciliation with this id' } },
      handler: async ({ params, body, user }) => resync(await updateReconciliation(db, params.id, body, user!.id, deps.clock())),
    }),
    defineRoute({
      method: 'patch',
      path: '/reconciliations/:id',
      role: 'admin',
      summary: 'Change some of a reconciliation’s settings (a given config replaces the stored one whole)',
      tag: 'reconciliations',
      params: idParams,
      body: reconciliationPatchSchema,
      responses: { 200: { description: 'Updated' }, 400: { description: 'Every invalid field' }, 404: { description: 'No reconciliation with this id' } },
      handler: async ({ params, body, user }) => resync(await updateReconciliation(db, params.id, body, user!.id, deps.clock())),
    }),
    defineRoute({
      method: 'delete',
      path: '/reconciliations/:id',
      role: 'admin',
      summary: 'Remove a reconciliation and its nightly schedule (its runs stay)',
      tag: 'reconciliations',
      params: idParams,
      responses: { 200: { description: 'Removed' }, 404: { description: 'No reconciliation with this id' } },
      handler: async ({ params, user }) => {
        const removed = await deleteReconciliation(db, params.id, user!.id, deps.clock());
        try {
          await schedules?.remove(removed.id);
        } catch (error) {
          deps.logger.warn({ err: error, reconciliationId: removed.id }, 'could not remove the reconciliation’s scheduler; it is removed when the job system starts');
        }
        return { id: removed.id, deleted: true };
      },
    }),
  ];
}
