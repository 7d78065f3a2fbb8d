/** Configured reconciliations: an external and an internal account, their rules and schedule. */
import { boolean, integer, jsonb, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { PARTITION_KINDS } from '../../core/jobs/queue-names.ts';
import { createdAt, updatedAt } from './columns.ts';
import { agentModeEnum, domainEnum } from './enums.ts';

/** How a nightly run is split into child jobs (core/jobs/queue-names.ts). */
export const partitionKindEnum = pgEnum('partition_kind', PARTITION_KINDS);

export const reconciliations = pgTable('reconciliations', {
  /** A readable slug, e.g. `operating-eur`; used in job ids. */
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  domain: domainEnum('domain').notNull().default('cash'),
  externalAccount: text('external_account').notNull(),
  internalAccount: text('internal_account').notNull(),
  /** Agent mode; null follows the process default. */
  mode: agentModeEnum('mode'),
  /** Tolerances, windows and thresholds (validated by core when read). */
  config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
  /** Account role → GL code used when adjustments are exported. */
  glCodes: jsonb('gl_codes').$type<Record<string, string>>().notNull().default({}),
  /** A folder whose new statement files are imported (bank side) before each run; null: none. */
  externalDropFolder: text('external_drop_folder'),
  /** A folder whose new statement files are imported (books side) before each run; null: none. */
  internalDropFolder: text('internal_drop_folder'),
  /** Reconcile this import's records instead of the bank account's; null: the account's. */
  externalImportId: text('external_import_id'),
  /** Reconcile this import's records instead of the books account's; null: the account's. */
  internalImportId: text('internal_import_id'),
  /** How a run is split into child jobs that several workers share. */
  partitionBy: partitionKindEnum('partition_by').notNull().default('none'),
  /** Days per block when `partitionBy` is `date`. */
  partitionDays: integer('partition_days').notNull().default(7),
  /** Cron expression (5 fields, or 6 with seconds); null: no nightly run. */
  schedule: text('schedule'),
  timezone: text('timezone').notNull().default('UTC'),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type Reconciliation = typeof reconciliations.$inferSelect;
export type NewReconciliation = typeof reconciliations.$inferInsert;
