/**
 * A test database on the PostgreSQL server of DATABASE_URL (a fresh database,
 * dropped on close), or in-memory PGlite when it is not set — so the same
 * tests run on both.
 */
import type { DatabaseHandle } from '../db/client.ts';
import { createTestDatabase } from '../db/testing/test-database.ts';
import { testEnv } from './test-env.ts';

/** Migrated unless `migrate: false` (tests of the migrations themselves). */
export function openTestDatabase(options: { migrate?: boolean } = {}): Promise<DatabaseHandle> {
  return createTestDatabase({ databaseUrl: testEnv.databaseUrl, ...options });
}
