/**
 * Match groups a run produced, and their records. A record belongs to at most
 * one group per run (exclusivity is enforced by the matcher, per run, since a
 * rerun matches the same records again).
 */
import { index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, decimal } from './columns.ts';
import { matchGroupStatusEnum, matchPassEnum, sideEnum } from './enums.ts';
import { records } from './records.ts';
import { runs } from './runs.ts';

/** Which fields agreed, the field-by-field differences and any pass-specific detail. */
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

export type MatchGroup = typeof matchGroups.$inferSelect;
export type NewMatchGroup = typeof matchGroups.$inferInsert;
export type MatchGroupRecord = typeof matchGroupRecords.$inferSelect;
