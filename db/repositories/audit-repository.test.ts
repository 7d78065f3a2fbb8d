import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/test-db.ts';
import type { DatabaseHandle } from '../client.ts';
import { auditLog } from '../schema/audit-log.ts';
import { appendAudit, canonicalJson, verifyAuditChain } from './audit-repository.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

const at = new Date('2026-11-02T07:00:00.000Z');

describe('audit log repository', () => {
  it('hashes the same content the same whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
  });

  it('chains appends, also from concurrent transactions, and verifies the chain', async () => {
    await appendAudit(handle.db, [{ actor: 'system', action: 'run.started', entityType: 'run', entityId: 'r1' }], at);
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        handle.db.transaction((tx) => appendAudit(tx, [{ actor: `u${i}`, action: 'decision.approve', entityType: 'decision', entityId: `d${i}`, payload: { amount: '12.50', i } }], at)),
      ),
    );
    const verdict = await verifyAuditChain(handle.db);
    expect(verdict).toEqual({ ok: true, entries: 6 });
  });

  it('finds the first entry someone changed behind the application', async () => {
    // Only someone who can switch the append-only trigger off can do this.
    await handle.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    const [third] = await handle.db.select({ seq: auditLog.seq }).from(auditLog).orderBy(auditLog.seq).offset(2).limit(1);
    await handle.db.execute(sql`update audit_log set payload = '{"amount":"99999.00"}'::jsonb where seq = ${third!.seq}`);
    await handle.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    const verdict = await verifyAuditChain(handle.db);
    expect(verdict).toMatchObject({ ok: false, brokenAt: third!.seq, entries: 3 });
    if (!verdict.ok) expect(verdict.reason).toContain('was changed after it was written');
  });
});
