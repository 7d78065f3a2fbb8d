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
import { AppError } from '../core/errors/app-error.ts';
import type { DatabaseHandle, Schema } from './client.ts';

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

export async function runMigrations(handle: DatabaseHandle, options: { migrationsFolder?: string } = {}): Promise<MigrationResult> {
  const config = { migrationsFolder: options.migrationsFolder ?? MIGRATIONS_FOLDER, migrationsSchema: MIGRATIONS_SCHEMA, migrationsTable: MIGRATIONS_TABLE };
  try {
    if (handle.kind === 'pglite') await migratePglite(handle.db as unknown as PgliteDatabase<Schema>, config);
    else await migratePostgres(handle.db as unknown as PostgresJsDatabase<Schema>, config);
  } catch (error) {
    throw new AppError('internal', `Database migration failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const rows = await handle.db.execute<{ count: number | string }>(
    sql`select count(*)::int as count from ${sql.identifier(MIGRATIONS_SCHEMA)}.${sql.identifier(MIGRATIONS_TABLE)}`,
  );
  const first = (Array.isArray(rows) ? rows[0] : (rows as { rows: { count: number | string }[] }).rows[0]) as { count: number | string } | undefined;
  const applied = Number(first?.count ?? 0);
  const total = journalEntryCount(config.migrationsFolder);
  if (applied !== total) {
    throw new AppError('internal', `Database has ${applied} migrations recorded but the journal lists ${total}; refusing to start on a schema that does not match the code`, {
      details: { applied, total },
    });
  }
  return { applied, total };
}
