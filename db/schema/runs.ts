/** Reconciliation runs and the match groups they produced. */
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, decimal, money } from './columns.ts';
import { agentModeEnum, matchGroupStatusEnum, matchPassEnum, runStatusEnum, sideEnum } from './enums.ts';
import { records } from './imports.ts';
import { reconciliations } from './reconciliations.ts';

export const runs = pgTable(
  'runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reconciliationId: text('reconciliation_id').references(() => reconciliations.id, { onDelete: 'set null' }),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    status: runStatusEnum('status').notNull().default('queued'),
    mode: agentModeEnum('mode').notNull(),
    /** Counts by pass, type and source; fallbacks by reason; durations. */
    stats: jsonb('stats').$type<Record<string, unknown>>().notNull().default({}),
    tokensIn: integer('tokens_in').notNull().default(0),
    tokensOut: integer('tokens_out').notNull().default(0),
    cost: money('cost').notNull().default('0'),
    jobId: text('job_id'),
    error: text('error'),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('runs_reconciliation_as_of_idx').on(t.reconciliationId, t.asOf), index('runs_created_idx').on(t.createdAt)],
);

export interface MatchEvidence {
  readonly agreed?: readonly string[];
  readonly differences?: readonly { field: string; external: string | null; internal: string | null; delta?: string }[];
  readonly [detail: string]: unknown;
}

export const matchGroups = pgTable(
  'match_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    pass: matchPassEnum('pass').notNull(),
    status: matchGroupStatusEnum('status').notNull().default('auto'),
    score: decimal('score').notNull(),
    evidence: jsonb('evidence').$type<MatchEvidence>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('match_groups_run_idx').on(t.runId)],
);

export const matchGroupRecords = pgTable(
  'match_group_records',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => matchGroups.id, { onDelete: 'cascade' }),
    recordId: text('record_id')
      .notNull()
      .references(() => records.id, { onDelete: 'restrict' }),
    side: sideEnum('side').notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.recordId] }), index('match_group_records_record_idx').on(t.recordId)],
);

export type Run = typeof runs.$inferSelect;
export type NewRun = typeof runs.$inferInsert;
export type MatchGroup = typeof matchGroups.$inferSelect;
