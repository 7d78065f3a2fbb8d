/**
 * Reviewer decisions. A decision is a new row, never an edit: the sequence of
 * decisions on an exception is its review history.
 */
import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { decisionKindEnum } from './enums.ts';
import { exceptions } from './exceptions.ts';
import { suggestions } from './suggestions.ts';
import { users } from './users.ts';

export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    exceptionId: uuid('exception_id')
      .notNull()
      .references(() => exceptions.id, { onDelete: 'cascade' }),
    /** The suggestion decided on; for `edit`, the new version the edit created. */
    suggestionId: uuid('suggestion_id').references(() => suggestions.id, { onDelete: 'restrict' }),
    suggestionVersion: integer('suggestion_version'),
    kind: decisionKindEnum('kind').notNull(),
    /** Null only for `auto_approve`, which the configured policy makes. */
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'restrict' }),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [index('decisions_exception_idx').on(t.exceptionId, t.createdAt), index('decisions_actor_idx').on(t.actorId)],
);

export type Decision = typeof decisions.$inferSelect;
export type NewDecision = typeof decisions.$inferInsert;
