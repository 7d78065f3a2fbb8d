/** Reconciliations: the configured account pairs with tolerances, windows and schedule. */
import { z } from 'zod';
import { AppError } from '../../core/errors/app-error.ts';
import { matchConfigSchema } from '../../core/match/match-config.ts';
import { AGENT_MODES, DOMAINS } from '../../core/statuses.ts';
import { ACCOUNT_ROLES } from '../../core/taxonomy/index.ts';
import { createReconciliation, listReconciliations, reconciliationById, updateReconciliation } from '../../db/repositories/reconciliations-repository.ts';
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

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Five cron fields (minute hour day month weekday), or six with seconds first. */
const CRON_FIELD = /^[\d*,/\-A-Za-z?LW#]+$/;
const schedule = z
  .string()
  .trim()
  .refine((v) => [5, 6].includes(v.split(/\s+/).length) && v.split(/\s+/).every((f) => CRON_FIELD.test(f)), { message: 'expected a cron expression such as "0 6 * * 1-5"' });

const fields = {
  name: z.string().trim().min(1).max(200),
  domain: z.enum(DOMAINS),
  externalAccount: z.string().trim().min(1).max(100),
  internalAccount: z.string().trim().min(1).max(100),
  mode: z.enum(AGENT_MODES).nullable().describe('Agent mode; null follows the process default'),
  config: configInput.describe('Tolerances, windows and thresholds (core/match/match-config.ts); omitted keys take the defaults'),
  glCodes: z.partialRecord(z.enum(ACCOUNT_ROLES), z.string().trim().min(1).max(50)).describe('Account role → GL code for exported adjustments'),
  schedule: schedule.nullable(),
  timezone: z.string().refine(validTimeZone, { message: 'expected an IANA time zone such as "Europe/Berlin"' }),
  enabled: z.boolean(),
};

const putBody = z.strictObject({
  ...fields,
  domain: fields.domain.default('cash'),
  mode: fields.mode.default(null),
  config: fields.config.default({}),
  glCodes: fields.glCodes.default({}),
  schedule: fields.schedule.default(null),
  timezone: fields.timezone.default('UTC'),
  enabled: fields.enabled.default(true),
});
const createBody = putBody.extend({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'expected a slug of lower-case letters, digits and dashes, e.g. "operating-eur"' }) });
const patchBody = z
  .strictObject(fields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
const idParams = z.object({ id: z.string().min(1).max(100) });

function view(row: Reconciliation) {
  const effective = matchConfigSchema.safeParse(row.config);
  return {
    ...row,
    effectiveConfig: effective.success ? effective.data : null,
    ...(effective.success ? {} : { configIssues: effective.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) }),
  };
}

export function reconciliationRoutes(deps: ApiDeps): RouteSpec[] {
  const db = deps.db.db;
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
      handler: async () => ({ items: (await listReconciliations(db)).map(view) }),
    }),
    defineRoute({
      method: 'get',
      path: '/reconciliations/:id',
      role: 'viewer',
      summary: 'One reconciliation, with its configuration as given and with the defaults filled in',
      tag: 'reconciliations',
      params: idParams,
      responses: { 200: { description: 'The reconciliation' }, 404: { description: 'No reconciliation with this id' } },
      handler: async ({ params }) => view(await found(params.id)),
    }),
    defineRoute({
      method: 'post',
      path: '/reconciliations',
      role: 'admin',
      summary: 'Configure a reconciliation',
      tag: 'reconciliations',
      body: createBody,
      responses: { 201: { description: 'Created' }, 400: { description: 'Every invalid field' }, 409: { description: 'The id is taken' } },
      handler: async ({ body, user }) => view(await createReconciliation(db, body, user!.id, deps.clock())),
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
      handler: async ({ params, body, user }) => view(await updateReconciliation(db, params.id, body, user!.id, deps.clock())),
    }),
    defineRoute({
      method: 'patch',
      path: '/reconciliations/:id',
      role: 'admin',
      summary: 'Change some of a reconciliation’s settings (a given config replaces the stored one whole)',
      tag: 'reconciliations',
      params: idParams,
      body: patchBody,
      responses: { 200: { description: 'Updated' }, 400: { description: 'Every invalid field' }, 404: { description: 'No reconciliation with this id' } },
      handler: async ({ params, body, user }) => view(await updateReconciliation(db, params.id, body, user!.id, deps.clock())),
    }),
  ];
}
