/**
 * Suggestions for an exception, versioned. A suggestion is never edited: a
 * reviewer's edit is a new version, so the history shows who proposed what.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import type { Resolution } from '../../core/taxonomy/index.ts';
import { createdAt, decimal } from './columns.ts';
import { breakTypeEnum, fallbackReasonEnum, resolutionActionEnum, rootCauseEnum, suggestionSourceEnum } from './enums.ts';
import { exceptions } from './exceptions.ts';

/** The deterministic checks run on a suggested resolution before a human sees it. */
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
    /** 1, 2, …; concurrent writers of the same version collide on the unique key. */
    version: integer('version').notNull(),
    type: breakTypeEnum('type').notNull(),
    cause: rootCauseEnum('cause').notNull(),
    /** The resolution's action, copied out of the JSON for filtering and statistics. */
    action: resolutionActionEnum('action').notNull(),
    /** Validated by core's `resolutionSchema` before it is written. */
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
  (t) => [
    unique('suggestions_exception_version_key').on(t.exceptionId, t.version),
    check('suggestions_version_positive', sql`${t.version} >= 1`),
    check('suggestions_confidence_range', sql`${t.confidence} between 0 and 1`),
  ],
);

export type SuggestionRow = typeof suggestions.$inferSelect;
export type NewSuggestion = typeof suggestions.$inferInsert;
