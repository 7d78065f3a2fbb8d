/**
 * Exceptions (breaks) a run found, with the records each one concerns. The
 * columns the review queue filters and sorts by are copied onto the row
 * (type, cause, confidence, source, verified) from the current suggestion, so
 * the queue never joins suggestions.
 */
import { sql } from 'drizzle-orm';
import { boolean, char, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { decimal, updatedAt } from './columns.ts';
import { breakTypeEnum, exceptionStatusEnum, rootCauseEnum, sideEnum, suggestionSourceEnum } from './enums.ts';
import type { MatchEvidence } from './match-groups.ts';
import { reconciliations } from './reconciliations.ts';
import { records } from './records.ts';
import { runs } from './runs.ts';

export const exceptions = pgTable(
  'exceptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    reconciliationId: text('reconciliation_id').references(() => reconciliations.id, { onDelete: 'set null' }),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    type: breakTypeEnum('type').notNull(),
    cause: rootCauseEnum('cause'),
    status: exceptionStatusEnum('status').notNull().default('open'),
    account: text('account').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    /**
     * Gross amount at stake: the absolute value of the larger side's sum. Never
     * negative, so amount-range filters and money-at-risk sums mean one thing.
     */
    amount: decimal('amount').notNull(),
    /** sum(external) − sum(internal) over the break's records; for a one-sided break, that side's signed sum (or its negation). */
    difference: decimal('difference').notNull(),
    /** 0..1, from the current suggestion; null until one exists. */
    confidence: decimal('confidence'),
    source: suggestionSourceEnum('source'),
    verified: boolean('verified').notNull().default(false),
    /** Matching evidence: pass, agreeing fields, field-by-field differences, score. */
    evidence: jsonb('evidence').$type<MatchEvidence>().notNull().default({}),
    /** Break fingerprint used by the suggestion cache and reviewer memory. */
    fingerprint: text('fingerprint'),
    /**
     * The break's id inside its run (`b<index>`): a resumed or retried run that
     * persists the same break again collides on (run_id, break_key) and stores
     * nothing new. Nullable so exceptions raised outside a run need no key.
     */
    breakKey: text('break_key'),
    currentSuggestionVersion: integer('current_suggestion_version'),
    /** Optimistic concurrency: every decision bumps it; a decision made on a stale version is a conflict. */
    version: integer('version').notNull().default(0),
    assignee: text('assignee'),
    /** When the break was first raised; the queue's age and cursor order. */
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('exceptions_amount_non_negative', sql`${t.amount} >= 0`),
    check('exceptions_confidence_range', sql`${t.confidence} between 0 and 1`),
    // The review queue pages by (opened_at, id) — oldest first is "age" — with or
    // without a status filter; the other filters combine with status.
    index('exceptions_status_opened_idx').on(t.status, t.openedAt, t.id),
    index('exceptions_opened_idx').on(t.openedAt, t.id),
    index('exceptions_status_type_idx').on(t.status, t.type),
    index('exceptions_status_cause_idx').on(t.status, t.cause),
    index('exceptions_reconciliation_status_idx').on(t.reconciliationId, t.status),
    index('exceptions_account_status_idx').on(t.account, t.status),
    index('exceptions_source_status_idx').on(t.source, t.status),
    index('exceptions_status_amount_idx').on(t.status, t.amount),
    index('exceptions_confidence_idx').on(t.confidence),
    index('exceptions_run_idx').on(t.runId, t.status),
    index('exceptions_fingerprint_idx').on(t.fingerprint),
    uniqueIndex('exceptions_run_break_key_idx').on(t.runId, t.breakKey),
  ],
);

export const exceptionRecords = pgTable(
  'exception_records',
  {
    exceptionId: uuid('exception_id')
      .notNull()
      .references(() => exceptions.id, { onDelete: 'cascade' }),
    recordId: text('record_id')
      .notNull()
      .references(() => records.id, { onDelete: 'restrict' }),
    side: sideEnum('side').notNull(),
  },
  // By record: "which breaks involve this record" (record detail, apply checks).
  (t) => [primaryKey({ columns: [t.exceptionId, t.recordId] }), index('exception_records_record_idx').on(t.recordId)],
);

export type ExceptionRow = typeof exceptions.$inferSelect;
export type NewException = typeof exceptions.$inferInsert;
export type ExceptionRecordRow = typeof exceptionRecords.$inferSelect;
