/** Reviewer decisions and the effects (adjustments) that applying them produced. */
import { char, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, money } from './columns.ts';
import { accountRoleEnum, decisionKindEnum, effectKindEnum } from './enums.ts';
import { exceptions, suggestions } from './exceptions.ts';
import { users } from './users.ts';

export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    exceptionId: uuid('exception_id')
      .notNull()
      .references(() => exceptions.id, { onDelete: 'cascade' }),
    suggestionId: uuid('suggestion_id').references(() => suggestions.id, { onDelete: 'restrict' }),
    suggestionVersion: integer('suggestion_version'),
    kind: decisionKindEnum('kind').notNull(),
    /** Null only for `auto_approve`, which the configured policy makes. */
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'restrict' }),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [index('decisions_exception_idx').on(t.exceptionId, t.createdAt)],
);

export const adjustments = pgTable(
  'adjustments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    exceptionId: uuid('exception_id')
      .notNull()
      .references(() => exceptions.id, { onDelete: 'restrict' }),
    /** One effect per decision: applying the same decision twice changes nothing. */
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decisions.id, { onDelete: 'restrict' }),
    kind: effectKindEnum('kind').notNull(),
    currency: char('currency', { length: 3 }),
    memo: text('memo'),
    /** Kind-specific detail: matched record ids, corrected field, reversed record. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    exportedAt: timestamp('exported_at', { withTimezone: true }),
  },
  (t) => [unique('adjustments_decision_key').on(t.decisionId), index('adjustments_created_idx').on(t.createdAt)],
);

/** Journal lines of an adjustment; the lines of one adjustment sum to zero. */
export const adjustmentLines = pgTable(
  'adjustment_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    adjustmentId: uuid('adjustment_id')
      .notNull()
      .references(() => adjustments.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    accountRole: accountRoleEnum('account_role'),
    /** The GL code the role mapped to, or the bank account's own GL account. */
    glCode: text('gl_code').notNull(),
    amount: money('amount').notNull(),
    description: text('description'),
  },
  (t) => [unique('adjustment_lines_adjustment_line_key').on(t.adjustmentId, t.lineNo)],
);

export type Decision = typeof decisions.$inferSelect;
export type NewDecision = typeof decisions.$inferInsert;
export type Adjustment = typeof adjustments.$inferSelect;
export type AdjustmentLine = typeof adjustmentLines.$inferSelect;
