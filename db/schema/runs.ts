/**
 * Reconciliation runs: one per reconciliation and as-of date and attempt.
 * Reruns of the same (reconciliation, as-of) are allowed, so that pair is
 * indexed, not unique.
 */
import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, decimal } from './columns.ts';
import { agentModeEnum, runStatusEnum } from './enums.ts';
import { reconciliations } from './reconciliations.ts';

export const runs = pgTable(
  'runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null for ad-hoc runs over uploaded files that no configured reconciliation owns. */
    reconciliationId: text('reconciliation_id').references(() => reconciliations.id, { onDelete: 'set null' }),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    status: runStatusEnum('status').notNull().default('queued'),
    mode: agentModeEnum('mode').notNull(),
    /** Counts by pass, type and source; fallbacks by reason; durations. */
    stats: jsonb('stats').$type<Record<string, unknown>>().notNull().default({}),
    tokensIn: integer('tokens_in').notNull().default(0),
    tokensOut: integer('tokens_out').notNull().default(0),
    /** LLM cost in USD. */
    cost: decimal('cost').notNull().default('0'),
    /** Queue job id, so a retried job finds its run. */
    jobId: text('job_id'),
    error: text('error'),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('runs_reconciliation_as_of_idx').on(t.reconciliationId, t.asOf),
    index('runs_status_idx').on(t.status),
    index('runs_job_idx').on(t.jobId),
    index('runs_created_idx').on(t.createdAt),
  ],
);

export type Run = typeof runs.$inferSelect;
export type NewRun = typeof runs.$inferInsert;
