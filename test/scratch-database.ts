/**
 * A throw-away database for tests that start their own process (the CLI): on
 * the configured PostgreSQL server a freshly created database, else nothing
 * (the process then uses PGlite in its data folder).
 */
import { createScratchDatabase } from '../db/testing/test-database.ts';
import { testEnv } from './test-env.ts';

export async function createScratchDatabaseUrl(): Promise<{ url: string | undefined; drop(): Promise<void> }> {
  if (!testEnv.databaseUrl) return { url: undefined, drop: async () => {} };
  return createScratchDatabase(testEnv.databaseUrl);
}
