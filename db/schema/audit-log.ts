/**
 * The append-only audit log. Each entry's hash covers its content and the
 * previous entry's hash, so changing or removing an entry breaks the chain.
 * The database refuses UPDATE, DELETE and TRUNCATE on the table outright
 * (triggers in migration 0001_audit_append_only), since emptying the whole
 * table would leave a chain that still verifies.
 */
import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { auditEntityTypeEnum } from './enums.ts';

export const auditLog = pgTable(
  'audit_log',
  {
    /** Chain order; `number` is exact up to 2^53 entries. */
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entityType: auditEntityTypeEnum('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    /** Null only for the first entry. */
    prevHash: text('prev_hash'),
    hash: text('hash').notNull().unique('audit_log_hash_key'),
  },
  (t) => [
    // One successor per entry, and one first entry (NULLs count as equal): two
    // writers appending to the same tail collide here instead of forking the chain.
    unique('audit_log_prev_hash_key').on(t.prevHash).nullsNotDistinct(),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_at_idx').on(t.at),
    // An exception's history: the decisions, suggestions and effects whose payload names it.
    index('audit_log_exception_idx').on(sql`(${t.payload} ->> 'exceptionId')`),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = typeof auditLog.$inferInsert;
