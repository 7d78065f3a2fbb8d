/** The audit log accepts appends only, and only as one linear chain. */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/test-db.ts';
import type { DatabaseHandle } from '../client.ts';
import { statementFailure } from '../testing/statement-failure.ts';
import { auditLog, type NewAuditEntry } from './audit-log.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

const at = new Date('2026-11-01T06:00:00.123Z');
const entry = (prevHash: string | null, hash: string): NewAuditEntry => ({ at, actor: 'system', action: 'run.started', entityType: 'run', entityId: 'run-1', prevHash, hash });

describe('audit_log', () => {
  it('appends entries in sequence and keeps their content', async () => {
    const [first] = await handle.db.insert(auditLog).values({ ...entry(null, 'h1'), payload: { amount: '12.50' } }).returning();
    const [second] = await handle.db.insert(auditLog).values(entry('h1', 'h2')).returning();
    expect(second!.seq).toBeGreaterThan(first!.seq);
    expect(first).toMatchObject({ at, prevHash: null, hash: 'h1', payload: { amount: '12.50' } });
  });

  it('refuses a hash seen before, a second first entry and a fork of the chain', async () => {
    expect(await statementFailure(handle.db.insert(auditLog).values(entry('h2', 'h1')))).toMatch(/audit_log_hash_key/);
    expect(await statementFailure(handle.db.insert(auditLog).values(entry(null, 'other-root')))).toMatch(/audit_log_prev_hash_key/);
    expect(await statementFailure(handle.db.insert(auditLog).values(entry('h1', 'fork')))).toMatch(/audit_log_prev_hash_key/);
  });

  it('refuses to change, delete or truncate entries', async () => {
    expect(await statementFailure(handle.db.update(auditLog).set({ actor: 'mallory' }).where(eq(auditLog.hash, 'h1')))).toMatch(/append-only: UPDATE/);
    expect(await statementFailure(handle.db.delete(auditLog).where(eq(auditLog.hash, 'h2')))).toMatch(/append-only: DELETE/);
    expect(await statementFailure(handle.db.execute(sql`truncate audit_log`))).toMatch(/append-only: TRUNCATE/);
    const rows = await handle.db.select({ hash: auditLog.hash, actor: auditLog.actor }).from(auditLog).orderBy(auditLog.seq);
    expect(rows).toEqual([
      { hash: 'h1', actor: 'system' },
      { hash: 'h2', actor: 'system' },
    ]);
  });
});
