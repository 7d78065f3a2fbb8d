/**
 * Databases for tests: an in-memory PGlite, or a freshly created database on a
 * real PostgreSQL server (dropped on close), migrated either way. The same
 * tests run on both.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createDatabase, MEMORY_DATA_DIR, type DatabaseHandle } from '../client.ts';
import { runMigrations } from '../migrate.ts';

export interface ScratchDatabase {
  /** URL of the new, empty database. */
  readonly url: string;
  drop(): Promise<void>;
}

async function admin(serverUrl: string, statement: string): Promise<void> {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(statement);
  } finally {
    await sql.end();
  }
}

/** Creates an empty, uniquely named database on the server `serverUrl` points at. */
export async function createScratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = `recon_test_${randomBytes(6).toString('hex')}`;
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export interface TestDatabaseOptions {
  /** A PostgreSQL server to create the scratch database on; without it, in-memory PGlite. */
  readonly databaseUrl?: string | undefined;
  /** `false` leaves the database empty, for tests of the migrations themselves. */
  readonly migrate?: boolean;
}

/** Runs the migrations unless told not to; closes the handle if they fail. */
async function prepared(handle: DatabaseHandle, migrate: boolean): Promise<DatabaseHandle> {
  try {
    if (migrate) await runMigrations(handle);
    return handle;
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<DatabaseHandle> {
  const migrate = options.migrate ?? true;
  if (!options.databaseUrl) return prepared(await createDatabase({ dataDir: MEMORY_DATA_DIR }), migrate);
  const scratch = await createScratchDatabase(options.databaseUrl);
  let handle: DatabaseHandle;
  try {
    handle = await prepared(await createDatabase({ databaseUrl: scratch.url, dataDir: MEMORY_DATA_DIR, max: 4 }), migrate);
  } catch (error) {
    // Never leave a scratch database behind on the server.
    await scratch.drop().catch(() => {});
    throw error;
  }
  let closed = false;
  return {
    ...handle,
    ping: async () => (closed ? { ok: false, error: 'database is closed' } : handle.ping()),
    close: async () => {
      if (closed) return;
      closed = true;
      await handle.close();
      await scratch.drop();
    },
  };
}
