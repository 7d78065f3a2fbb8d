/** Imported files: one row per upload, whether it stored its records or failed. */
import { index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { importFormatEnum, importStatusEnum, sideEnum } from './enums.ts';

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
    /** Hex SHA-256 of the file's bytes: the same file imported again is a duplicate import. */
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

export type ImportRow = typeof imports.$inferSelect;
export type NewImport = typeof imports.$inferInsert;
