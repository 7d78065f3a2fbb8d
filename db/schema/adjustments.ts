/**
 * Effects that applying a decision produced: a journal entry with lines, a
 * confirmed match, a correction or a reversal. One effect per decision, so
 * applying the same decision twice (a retried job) changes nothing.
 */
import { char, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, decimal } from './columns.ts';
import { decisions } from './decisions.ts';
import { accountRoleEnum, effectKindEnum } from './enums.ts';
import { exceptions } from './exceptions.ts';

export const adjustments = pgTable(
  'adjustments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    exceptionId: uuid('exception_id')
      .notNull()
      .references(() => exceptions.id, { onDelete: 'restrict' }),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decisions.id, { onDelete: 'restrict' }),
    kind: effectKindEnum('kind').notNull(),
    /** Null for effects that move no money (a confirmed match). */
    currency: char('currency', { length: 3 }),
    memo: text('memo'),
    /** Kind-specific detail: matched record ids, corrected field, reversed record. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    /** Set when the entry went out in an ERP export; null rows are the next export. */
    exportedAt: timestamp('exported_at', { withTimezone: true }),
  },
  (t) => [
    unique('adjustments_decision_key').on(t.decisionId),
    index('adjustments_exception_idx').on(t.exceptionId),
    index('adjustments_exported_created_idx').on(t.exportedAt, t.createdAt),
  ],
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
    /** Null for the line on the reconciled account itself, which has no role. */
    accountRole: accountRoleEnum('account_role'),
    /** The GL code the role mapped to, or the bank account's own GL account. */
    glCode: text('gl_code').notNull(),
    /** Signed, in the adjustment's currency. */
    amount: decimal('amount').notNull(),
    description: text('description'),
  },
  (t) => [unique('adjustment_lines_adjustment_line_key').on(t.adjustmentId, t.lineNo)],
);

export type Adjustment = typeof adjustments.$inferSelect;
export type NewAdjustment = typeof adjustments.$inferInsert;
export type AdjustmentLine = typeof adjustmentLines.$inferSelect;
export type NewAdjustmentLine = typeof adjustmentLines.$inferInsert;
