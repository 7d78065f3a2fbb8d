/** Imported files and the canonical records they produced (DESIGN §3). */
import { char, date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, decimal, money } from './columns.ts';
import { importFormatEnum, importStatusEnum, recordKindEnum, securityIdTypeEnum, sideEnum } from './enums.ts';

export interface ImportWarning {
  readonly code: string;
  readonly message: string;
  readonly line?: number;
  readonly statement?: string;
}

export const imports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    format: importFormatEnum('format').notNull(),
    side: sideEnum('side').notNull(),
    account: text('account').notNull(),
    fileName: text('file_name').notNull(),
    /** SHA-256 of the file's bytes: the same file imported again is a duplicate import. */
    sha256: text('sha256').notNull(),
    status: importStatusEnum('status').notNull(),
    recordCount: integer('record_count').notNull().default(0),
    warnings: jsonb('warnings').$type<ImportWarning[]>().notNull().default([]),
    errors: jsonb('errors').$type<ImportWarning[]>().notNull().default([]),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [unique('imports_side_account_sha256_key').on(t.side, t.account, t.sha256), index('imports_created_idx').on(t.createdAt)],
);

export interface RecordProvenance {
  readonly importId?: string;
  readonly file?: string;
  readonly line?: number;
  readonly entry?: number;
  readonly raw?: Readonly<Record<string, string>>;
}

export const records = pgTable(
  'records',
  {
    /** Stable across re-imports: source + natural key, or content hash + position. */
    id: text('id').primaryKey(),
    importId: uuid('import_id').references(() => imports.id, { onDelete: 'restrict' }),
    side: sideEnum('side').notNull(),
    account: text('account').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    valueDate: date('value_date', { mode: 'string' }),
    amount: money('amount').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    reference: text('reference'),
    counterparty: text('counterparty'),
    description: text('description'),
    kind: recordKindEnum('kind').notNull().default('cash'),
    securityId: text('security_id'),
    securityIdType: securityIdTypeEnum('security_id_type'),
    securityIds: jsonb('security_ids').$type<Record<string, string>>(),
    quantity: decimal('quantity'),
    price: decimal('price'),
    tradeDate: date('trade_date', { mode: 'string' }),
    settleDate: date('settle_date', { mode: 'string' }),
    fxRate: decimal('fx_rate'),
    provenance: jsonb('provenance').$type<RecordProvenance>().notNull().default({}),
    createdAt: createdAt(),
    /** Set when a correction or reversal supersedes the record; the row itself never changes otherwise. */
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    index('records_side_account_date_idx').on(t.side, t.account, t.date),
    index('records_import_idx').on(t.importId),
    index('records_reference_idx').on(t.reference),
  ],
);

export type ImportRow = typeof imports.$inferSelect;
export type NewImport = typeof imports.$inferInsert;
export type RecordRow = typeof records.$inferSelect;
export type NewRecord = typeof records.$inferInsert;
