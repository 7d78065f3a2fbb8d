import { sql } from 'drizzle-orm';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/test-db.ts';
import { testEnv } from '../test/test-env.ts';
import { createDatabase, MEMORY_DATA_DIR, type DatabaseHandle } from './client.ts';
import { journalEntryCount, MIGRATIONS_FOLDER, runMigrations } from './migrate.ts';
import { resultRows } from './result-rows.ts';

// An empty database, so the first run below really applies the migrations.
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase({ migrate: false });
});
afterAll(async () => {
  await handle.close();
});

async function tableNames(): Promise<string[]> {
  const result = await handle.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`);
  return resultRows<{ table_name: string }>(result).map((r) => r.table_name);
}

describe('runMigrations', () => {
  it('journals every SQL file of the migrations folder', () => {
    const files = readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql'));
    expect(journalEntryCount()).toBe(files.length);
    expect(files.length).toBeGreaterThan(0);
  });

  it('applies every migration to a fresh database, and changes nothing when run again', async () => {
    expect(await tableNames()).toEqual([]);
    const total = journalEntryCount();
    expect(await runMigrations(handle)).toEqual({ applied: total, total });
    expect(await runMigrations(handle)).toEqual({ applied: total, total });
  });

  it('lets concurrent callers migrate the same database', async () => {
    const total = journalEntryCount();
    const results = await Promise.all([runMigrations(handle), runMigrations(handle), runMigrations(handle)]);
    expect(results).toEqual([{ applied: total, total }, { applied: total, total }, { applied: total, total }]);
  });

  it('creates the product tables', async () => {
    expect(await tableNames()).toEqual([
      'adjustment_lines',
      'adjustments',
      'api_tokens',
      'audit_log',
      'decisions',
      'exception_records',
      'exceptions',
      'imports',
      'match_group_records',
      'match_groups',
      'reconciliations',
      'records',
      'runs',
      'suggestions',
      'users',
    ]);
  });

  it('refuses a database whose recorded migrations do not match the journal, naming both counts', async () => {
    const total = journalEntryCount();
    await handle.db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('extra', 1)`);
    try {
      await expect(runMigrations(handle)).rejects.toMatchObject({
        code: 'internal',
        message: expect.stringContaining(`${total + 1} migrations recorded but the journal lists ${total}`),
        details: { applied: total + 1, total },
      });
    } finally {
      await handle.db.execute(sql`delete from drizzle.__drizzle_migrations where hash = 'extra'`);
    }
  });

  // Separate processes (api and workers starting together) are separate pools;
  // on PGlite one process owns the data folder, so this is PostgreSQL's case.
  it.skipIf(!testEnv.databaseUrl)('lets separate connection pools migrate one empty database at once', async () => {
    const empty = await openTestDatabase({ migrate: false });
    const url = new URL(testEnv.databaseUrl!);
    url.pathname = `/${empty.kind === 'postgres' ? empty.client.options.database : ''}`;
    const others = await Promise.all([1, 2, 3].map(() => createDatabase({ databaseUrl: url.toString(), dataDir: MEMORY_DATA_DIR, max: 2 })));
    try {
      const total = journalEntryCount();
      const results = await Promise.all([empty, ...others].map((h) => runMigrations(h)));
      expect(results).toEqual(Array(4).fill({ applied: total, total }));
    } finally {
      await Promise.all(others.map((h) => h.close()));
      await empty.close();
    }
  });
});
