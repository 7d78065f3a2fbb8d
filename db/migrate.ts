/**
 * Applies the committed migrations at start-up and then verifies that the
 * database recorded every one of them, so a half-applied schema never serves.
 */
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type postgres from 'postgres';
import { AppError } from '../core/errors/app-error.ts';
import type { DatabaseHandle, Schema } from './client.ts';
import { resultRows } from './result-rows.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));
const MIGRATIONS_SCHEMA = 'drizzle';
const MIGRATIONS_TABLE = '__drizzle_migrations';

export interface MigrationResult {
  /** Migrations recorded in the database after the run. */
  readonly applied: number;
  /** Migrations in the journal. */
  readonly total: number;
}

export function journalEntryCount(folder = MIGRATIONS_FOLDER): number {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

/** The migration running on each client in this process, so concurrent callers queue instead of racing. */
const running = new WeakMap<object, Promise<unknown>>();

async function oneAtATime(client: object, migrate: () => Promise<void>): Promise<void> {
  const previous = running.get(client) ?? Promise.resolve();
  const next = previous.catch(() => {}).then(migrate);
  running.set(client, next);
  await next;
}

/** An arbitrary constant: the advisory-lock key all Recon processes agree on for migrating. */
const MIGRATION_LOCK_KEY = 7_305_211_042;

/**
 * Serializes migrations across processes: the api and the workers start
 * together and each migrates at start-up; without the lock two of them would
 * apply the same migration at once and one would crash. The lock is held on a
 * reserved connection while the migrator uses the pool's others, so a pool of
 * one connection migrates unlocked rather than waiting on itself. (PGlite
 * needs no lock: one process owns its data folder.)
 */
async function withMigrationLock(client: postgres.Sql, migrate: () => Promise<void>): Promise<void> {
  if ((client.options.max ?? 1) < 2) return migrate();
  const lock = await client.reserve();
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK_KEY}::bigint)`;
    try {
      await migrate();
    } finally {
      await lock`select pg_advisory_unlock(${MIGRATION_LOCK_KEY}::bigint)`;
    }
  } finally {
    lock.release();
  }
}

export async function runMigrations(handle: DatabaseHandle, options: { migrationsFolder?: string } = {}): Promise<MigrationResult> {
  const config = { migrationsFolder: options.migrationsFolder ?? MIGRATIONS_FOLDER, migrationsSchema: MIGRATIONS_SCHEMA, migrationsTable: MIGRATIONS_TABLE };
  try {
    await oneAtATime(handle.client, () =>
      handle.kind === 'pglite'
        ? migratePglite(handle.db as unknown as PgliteDatabase<Schema>, config)
        : withMigrationLock(handle.client, () => migratePostgres(handle.db as unknown as PostgresJsDatabase<Schema>, config)),
    );
  } catch (error) {
    throw new AppError('internal', `Database migration failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const result = await handle.db.execute(sql`select count(*)::int as count from ${sql.identifier(MIGRATIONS_SCHEMA)}.${sql.identifier(MIGRATIONS_TABLE)}`);
  const applied = Number(resultRows<{ count: number | string }>(result)[0]?.count ?? 0);
  const total = journalEntryCount(config.migrationsFolder);
  if (applied !== total) {
    throw new AppError('internal', `Database has ${applied} migrations recorded but the journal lists ${total}; refusing to start on a schema that does not match the code`, {
      details: { applied, total },
    });
  }
  return { applied, total };
}
