/** A migrated test database on the configured PostgreSQL server, or in-memory PGlite. */
import type { DatabaseHandle } from '../db/client.ts';
import { createTestDatabase } from '../db/testing/test-database.ts';
import { testEnv } from './test-env.ts';

export function openTestDatabase(): Promise<DatabaseHandle> {
  return createTestDatabase({ databaseUrl: testEnv.databaseUrl });
}
