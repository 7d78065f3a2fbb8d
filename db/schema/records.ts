/** Canonical records of both sides and both domains (DESIGN §3). */
import { char, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, decimal } from './columns.ts';
import { recordKindEnum, securityIdTypeEnum, sideEnum } from './enums.ts';
import { imports } from './imports.ts';

/** Where a record came from, shown as evidence in the UI. */
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
    /** Null for records an applied correction created rather than a file. */
    importId: uuid('import_id').references(() => imports.id, { onDelete: 'restrict' }),
    side: sideEnum('side').notNull(),
    account: text('account').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    valueDate: date('value_date', { mode: 'string' }),
    /** Signed: a credit to the account is positive. */
    amount: decimal('amount').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    reference: text('reference'),
    counterparty: text('counterparty'),
    description: text('description'),
    kind: recordKindEnum('kind').notNull().default('cash'),
    securityId: text('security_id'),
    securityIdType: securityIdTypeEnum('security_id_type'),
    /** Every identifier known for the security, e.g. `{"ISIN": …, "CUSIP": …}`. */
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
    // A run loads one account pair over a date range: each side by (side, account, date);
    // the UI's account view reads both sides by (account, date).
    index('records_side_account_date_idx').on(t.side, t.account, t.date),
    index('records_account_date_idx').on(t.account, t.date),
    index('records_import_idx').on(t.importId),
    index('records_reference_idx').on(t.reference),
  ],
);

export type RecordRow = typeof records.$inferSelect;
export type NewRecord = typeof records.$inferInsert;
