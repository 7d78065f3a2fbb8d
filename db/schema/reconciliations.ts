/** Configured reconciliations: an external and an internal account, their rules and schedule. */
import { boolean, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { agentModeEnum, domainEnum } from './enums.ts';

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
  schedule: text('schedule'),
  timezone: text('timezone').notNull().default('UTC'),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type Reconciliation = typeof reconciliations.$inferSelect;
export type NewReconciliation = typeof reconciliations.$inferInsert;
