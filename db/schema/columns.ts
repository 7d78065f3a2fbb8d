/**
 * Column helpers shared by the aggregates. Money and quantities are `numeric`
 * read as strings, so no value ever passes through a float.
 */
import { numeric, timestamp } from 'drizzle-orm/pg-core';

/** Signed amounts up to 10^20 with 8 decimals: room for any currency and for FX-converted values. */
export const money = (name: string) => numeric(name, { precision: 28, scale: 8, mode: 'string' });
/** Quantities, prices and rates need more decimals than money. */
export const decimal = (name: string) => numeric(name, { precision: 38, scale: 12, mode: 'string' });
export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
