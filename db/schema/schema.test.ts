/** Constraints the rest of the product relies on, on PGlite and on PostgreSQL alike. */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/test-db.ts';
import type { DatabaseHandle } from '../client.ts';
import { auditLog, exceptions, imports, records, runs, suggestions } from './index.ts';

let handle: DatabaseHandle;
let importId: string;
let runId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  const [imp] = await handle.db
    .insert(imports)
    .values({ format: 'mt940', side: 'external', account: 'DE89370400440532013000', fileName: 'oct.sta', sha256: 'a'.repeat(64), status: 'completed', recordCount: 2 })
    .returning();
  importId = imp!.id;
  const [run] = await handle.db.insert(runs).values({ asOf: '2026-10-31', mode: 'rules' }).returning();
  runId = run!.id;
});
afterAll(async () => {
  await handle.close();
});

/** Drizzle wraps driver errors; the constraint text is in the cause. */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { cause?: Error };
    return `${e.message} ${e.cause?.message ?? ''}`;
  }
  throw new Error('expected the statement to fail');
}

describe('schema', () => {
  it('keeps money exact as strings', async () => {
    await handle.db.insert(records).values([
      { id: 'mt940:ref-1', importId, side: 'external', account: 'DE89', date: '2026-10-01', amount: '12345678901234.56', currency: 'EUR' },
      { id: 'mt940:ref-2', importId, side: 'external', account: 'DE89', date: '2026-10-02', amount: '-0.01', currency: 'EUR', quantity: '0.000000000001' },
    ]);
    const rows = await handle.db.select().from(records).where(eq(records.importId, importId)).orderBy(records.id);
    expect(rows.map((r) => r.amount)).toEqual(['12345678901234.56000000', '-0.01000000']);
    expect(rows[1]!.quantity).toBe('0.000000000001');
    const [sum] = await handle.db.select({ total: sql<string>`sum(${records.amount})::text` }).from(records).where(eq(records.importId, importId));
    expect(sum!.total).toBe('12345678901234.55000000');
  });

  it('rejects a value outside an enum', async () => {
    const message = await failure(handle.db.execute(sql`insert into runs (as_of, mode, status) values ('2026-10-31', 'rules', 'exploded')`));
    expect(message).toMatch(/invalid input value for enum run_status/);
  });

  it('detects the same file imported twice for one account', async () => {
    const message = await failure(
      handle.db.insert(imports).values({ format: 'mt940', side: 'external', account: 'DE89370400440532013000', fileName: 'copy.sta', sha256: 'a'.repeat(64), status: 'completed' }),
    );
    expect(message).toMatch(/imports_side_account_sha256_key/);
  });

  it('allows one suggestion per exception version', async () => {
    const [exception] = await handle.db
      .insert(exceptions)
      .values({ runId, asOf: '2026-10-31', type: 'unbooked_fee', account: 'DE89', currency: 'EUR', amount: '12.50', difference: '-12.50' })
      .returning();
    const suggestion = {
      exceptionId: exception!.id,
      version: 1,
      type: 'unbooked_fee' as const,
      cause: 'bank_service_charge' as const,
      action: 'post_journal' as const,
      resolution: { action: 'post_journal' as const, account: 'bank_charges' as const, amount: '-12.50', currency: 'EUR' },
      confidence: '0.95',
      source: 'rules' as const,
      createdBy: 'rules',
    };
    await handle.db.insert(suggestions).values(suggestion);
    expect(await failure(handle.db.insert(suggestions).values(suggestion))).toMatch(/suggestions_exception_version_key/);
    await handle.db.insert(suggestions).values({ ...suggestion, version: 2, source: 'human', createdBy: 'reviewer' });
    const versions = await handle.db.select({ v: suggestions.version }).from(suggestions).where(eq(suggestions.exceptionId, exception!.id));
    expect(versions.map((r) => r.v).sort()).toEqual([1, 2]);
  });

  it('appends audit entries in sequence with unique hashes', async () => {
    const at = new Date('2026-11-01T06:00:00Z');
    const [first] = await handle.db.insert(auditLog).values({ at, actor: 'system', action: 'import.completed', entityType: 'import', entityId: importId, hash: 'h1' }).returning();
    const [second] = await handle.db
      .insert(auditLog)
      .values({ at, actor: 'system', action: 'run.started', entityType: 'run', entityId: runId, prevHash: 'h1', hash: 'h2' })
      .returning();
    expect(second!.seq).toBeGreaterThan(first!.seq);
    expect(await failure(handle.db.insert(auditLog).values({ at, actor: 'x', action: 'y', entityType: 'run', entityId: runId, hash: 'h2' }))).toMatch(/audit_log_hash_unique|unique/);
  });
});
