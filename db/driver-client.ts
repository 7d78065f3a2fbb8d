/**
 * The driver under a drizzle handle — the database itself or a transaction —
 * for the one thing drizzle does not cover: bulk loading with COPY. The
 * driver's transaction is the one drizzle opened, so whatever goes through it
 * commits or rolls back together with the drizzle statements around it.
 */
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { is } from 'drizzle-orm';
import { PgliteSession } from 'drizzle-orm/pglite';
import { PostgresJsSession } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import type { Database } from './client.ts';

export type DriverClient =
  | { readonly kind: 'postgres'; readonly sql: postgres.Sql }
  | { readonly kind: 'pglite'; readonly pg: PGlite | Transaction };

export function driverClient(db: Database): DriverClient {
  // `_.session` is drizzle's public handle on the session; a transaction
  // (or savepoint) carries its own session bound to the driver's transaction.
  const session: unknown = db._.session;
  if (is(session, PostgresJsSession)) return { kind: 'postgres', sql: session.client };
  // drizzle declares PGlite's client private; it is the PGlite instance or,
  // inside `db.transaction`, PGlite's Transaction object.
  if (is(session, PgliteSession)) return { kind: 'pglite', pg: (session as unknown as { client: PGlite | Transaction }).client };
  throw new Error('driverClient: the database handle is neither postgres-js nor PGlite');
}
