/**
 * Exceptions (breaks) and their suggestions. A suggestion is never edited:
 * a reviewer's edit is a new version, so the history shows who proposed what.
 */
import { boolean, char, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { Resolution } from '../../core/taxonomy/index.ts';
import { createdAt, decimal, money, updatedAt } from './columns.ts';
import { breakTypeEnum, exceptionStatusEnum, fallbackReasonEnum, resolutionActionEnum, rootCauseEnum, sideEnum, suggestionSourceEnum } from './enums.ts';
import { records } from './imports.ts';
import { reconciliations } from './reconciliations.ts';
import type { MatchEvidence } from './runs.ts';
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
    /** Gross amount at stake (largest side), for sorting and the money-at-risk view. */
    amount: money('amount').notNull(),
    /** sum(external) − sum(internal); zero for one-sided breaks is not implied: it is the one side's sum. */
    difference: money('difference').notNull(),
    confidence: decimal('confidence'),
    source: suggestionSourceEnum('source'),
    verified: boolean('verified').notNull().default(false),
    /** Matching evidence: pass, agreeing fields, field-by-field differences, score. */
    evidence: jsonb('evidence').$type<MatchEvidence>().notNull().default({}),
    /** Break fingerprint used by the suggestion cache and reviewer memory. */
    fingerprint: text('fingerprint'),
    currentSuggestionVersion: integer('current_suggestion_version'),
    /** Optimistic concurrency: every decision bumps it; a stale version gets 409. */
    version: integer('version').notNull().default(0),
    assignee: text('assignee'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The review queue filters by status first and pages by (opened_at, id).
    index('exceptions_status_opened_idx').on(t.status, t.openedAt, t.id),
    index('exceptions_status_type_idx').on(t.status, t.type),
    index('exceptions_status_cause_idx').on(t.status, t.cause),
    index('exceptions_reconciliation_status_idx').on(t.reconciliationId, t.status),
    index('exceptions_account_status_idx').on(t.account, t.status),
    index('exceptions_source_status_idx').on(t.source, t.status),
    index('exceptions_status_amount_idx').on(t.status, t.amount),
    index('exceptions_confidence_idx').on(t.confidence),
    index('exceptions_run_idx').on(t.runId),
    index('exceptions_fingerprint_idx').on(t.fingerprint),
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
  (t) => [primaryKey({ columns: [t.exceptionId, t.recordId] }), index('exception_records_record_idx').on(t.recordId)],
);

export interface VerificationResult {
  readonly ok: boolean;
  readonly checks: readonly { name: string; ok: boolean; message?: string }[];
}

export const suggestions = pgTable(
  'suggestions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    exceptionId: uuid('exception_id')
      .notNull()
      .references(() => exceptions.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    type: breakTypeEnum('type').notNull(),
    cause: rootCauseEnum('cause').notNull(),
    action: resolutionActionEnum('action').notNull(),
    resolution: jsonb('resolution').$type<Resolution>().notNull(),
    rationale: text('rationale').notNull().default(''),
    evidence: jsonb('evidence').$type<readonly string[]>().notNull().default([]),
    confidence: decimal('confidence').notNull(),
    source: suggestionSourceEnum('source').notNull(),
    fallbackReason: fallbackReasonEnum('fallback_reason'),
    verified: boolean('verified').notNull().default(false),
    verification: jsonb('verification').$type<VerificationResult>(),
    model: text('model'),
    promptVersion: text('prompt_version'),
    tokensIn: integer('tokens_in').notNull().default(0),
    tokensOut: integer('tokens_out').notNull().default(0),
    /** Agent name (`rules`, `llm:<model>`) or the editing user's id. */
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('suggestions_exception_version_key').on(t.exceptionId, t.version)],
);

export type ExceptionRow = typeof exceptions.$inferSelect;
export type NewException = typeof exceptions.$inferInsert;
export type SuggestionRow = typeof suggestions.$inferSelect;
export type NewSuggestion = typeof suggestions.$inferInsert;
