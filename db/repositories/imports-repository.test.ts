import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CanonicalRecord } from '../../core/records/canonical-record.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import type { DatabaseHandle } from '../client.ts';
import { imports } from '../schema/imports.ts';
import { records } from '../schema/records.ts';
import { auditLog } from '../schema/audit-log.ts';
import { verifyAuditChain } from './audit-repository.ts';
import { storeImport } from './imports-repository.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

const record = (id: string, amount: string): CanonicalRecord => ({
  id,
  side: 'external',
  account: 'DE89',
  date: '2026-10-01',
  amount,
  currency: 'EUR',
  provenance: { file: 'f.sta', line: 3 },
});

const input = (sha: string, recs: CanonicalRecord[]) => ({
  format: 'json' as const,
  side: 'external' as const,
  account: 'DE89',
  fileName: `${sha}.json`,
  sha256: sha,
  records: recs,
});

describe('storeImport', () => {
  it('stores an import with its records and links them', async () => {
    const result = await storeImport(handle.db, input('s1', [record('x:1', '10.00'), record('x:2', '-2.50')]));
    expect(result).toMatchObject({ status: 'stored', recordCount: 2 });
    const rows = await handle.db.select().from(records).where(eq(records.importId, result.importId));
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.id === 'x:1')?.provenance).toMatchObject({ file: 'f.sta', line: 3, importId: result.importId });
  });

  it('reports the same file again as a duplicate and stores nothing new', async () => {
    const first = await storeImport(handle.db, input('s2', [record('y:1', '1.00')]));
    const again = await storeImport(handle.db, input('s2', [record('y:1', '1.00')]));
    expect(again).toEqual({ status: 'duplicate', importId: first.importId, recordCount: 1 });
    expect(await handle.db.select().from(imports).where(eq(imports.sha256, 's2'))).toHaveLength(1);
  });

  it('stores nothing when one record cannot be stored', async () => {
    await expect(storeImport(handle.db, input('s3', [record('z:1', '1.00'), record('x:1', '5.00')]))).rejects.toThrow(/already imported/);
    expect(await handle.db.select().from(imports).where(eq(imports.sha256, 's3'))).toHaveLength(0);
    expect(await handle.db.select().from(records).where(eq(records.id, 'z:1'))).toHaveLength(0);
  });
});

describe('import audit', () => {
  it('records a stored import in the audit log, and a duplicate or a refused one not at all', async () => {
    const before = await handle.db.select().from(auditLog);
    const stored = await storeImport(handle.db, input('audit-sha', [record('audit-1', '1.00')]));
    await storeImport(handle.db, input('audit-sha', [record('audit-1', '1.00')]));
    await expect(storeImport(handle.db, input('audit-sha-2', [record('audit-1', '1.00')]))).rejects.toMatchObject({ code: 'conflict' });
    const added = (await handle.db.select().from(auditLog)).slice(before.length);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ action: 'import.stored', entityType: 'import', entityId: stored.importId, payload: { records: 1, sha256: 'audit-sha' } });
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
  });
});
