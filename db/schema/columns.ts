/**
 * Column helpers shared by the aggregates.
 *
 * Money, quantities, prices, rates and scores are unconstrained `numeric` read
 * as strings: no value passes through a float, and — unlike `numeric(p, s)` —
 * the database never rounds a value with more decimals than expected nor pads
 * one with fewer, so what core writes is exactly what it reads back.
 * Scale and magnitude are validated by core before anything is stored.
 */
import { numeric, timestamp } from 'drizzle-orm/pg-core';

export const decimal = (name: string) => numeric(name, { mode: 'string' });
export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
