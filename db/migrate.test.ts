import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/test-db.ts';
import type { DatabaseHandle } from './client.ts';
import { journalEntryCount, runMigrations } from './migrate.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

describe('runMigrations', () => {
  it('has applied every journal entry and is idempotent', async () => {
    const total = journalEntryCount();
    expect(total).toBeGreaterThan(0);
    expect(await runMigrations(handle)).toEqual({ applied: total, total });
    expect(await runMigrations(handle)).toEqual({ applied: total, total });
  });

  it('creates the product tables', async () => {
    const result = await handle.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const rows = (Array.isArray(result) ? result : (result as { rows: { table_name: string }[] }).rows) as { table_name: string }[];
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
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
      ]),
    );
  });

  it('refuses a database whose recorded migrations do not match the journal', async () => {
    await handle.db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('extra', 1)`);
    try {
      await expect(runMigrations(handle)).rejects.toThrow(/migrations recorded but the journal lists/);
    } finally {
      await handle.db.execute(sql`delete from drizzle.__drizzle_migrations where hash = 'extra'`);
    }
  });
});
