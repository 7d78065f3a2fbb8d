import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.ts';
import { queryAudit } from '../../db/repositories/audit-query.ts';
import { findTokenUser } from '../../db/repositories/users-repository.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import { ensureLocalAdmin, LOCAL_ADMIN_EMAIL, localAdminNotice, localUrl } from './local-admin.ts';

let db: DatabaseHandle;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

describe('the local admin of recon start', () => {
  it('is created once with a working admin token, audited; later starts create nothing', async () => {
    const first = await ensureLocalAdmin(db.db, new Date());
    expect(first.created).toBe(true);
    if (!first.created) return;
    expect(await findTokenUser(db.db, first.token)).toMatchObject({ role: 'admin', tokenId: first.tokenId });
    expect((await ensureLocalAdmin(db.db, new Date())).created).toBe(false);
    const audit = await queryAudit(db.db, { actor: 'system', order: 'asc', limit: 10 });
    expect(audit.items.map((e) => `${e.action} ${e.entityType}`)).toEqual(['user.created user', 'token.created token']);
    expect(JSON.stringify(audit.items)).not.toContain(first.token);
  });

  it('tells how to log in when the token is new, and how to get one otherwise', () => {
    const created = localAdminNotice({ created: true, tokenId: 't', token: 'recon_abc' }, 'http://127.0.0.1:3000').join('\n');
    expect(created).toContain('  recon_abc');
    expect(created).toContain('shown only this once');
    expect(created).toContain('http://127.0.0.1:3000');
    const later = localAdminNotice({ created: false }, undefined).join('\n');
    expect(later).toContain(`recon tokens create --email ${LOCAL_ADMIN_EMAIL}`);
    expect(localUrl('0.0.0.0', 8080)).toBe('http://localhost:8080');
    expect(localUrl('127.0.0.1', 0)).toBeUndefined();
  });
});
