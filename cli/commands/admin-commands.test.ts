/**
 * `recon users`, `recon tokens` and `recon audit verify` as a person runs
 * them: real processes on one database (a scratch PostgreSQL database, or
 * PGlite in a data folder), then a tampered audit row that the verifier finds.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client.ts';
import { findTokenUser } from '../../db/repositories/users-repository.ts';
import { auditLog } from '../../db/schema/audit-log.ts';
import { runRecon } from '../../test/recon-process.ts';
import { createScratchDatabaseUrl } from '../../test/scratch-database.ts';

let dataDir: string;
let scratch: { url: string | undefined; drop(): Promise<void> };
let env: Record<string, string>;

const recon = (...args: string[]) => runRecon(args, env);

/** The same database the commands use; PGlite allows one process at a time, so only between commands. */
async function withDatabase<T>(use: (db: Awaited<ReturnType<typeof createDatabase>>) => Promise<T>): Promise<T> {
  const handle = await createDatabase({ databaseUrl: scratch.url, dataDir: env.RECON_DATA_DIR! });
  try {
    return await use(handle);
  } finally {
    await handle.close();
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'recon-admin-'));
  scratch = await createScratchDatabaseUrl();
  env = { RECON_DATA_DIR: dataDir, DATABASE_URL: scratch.url ?? '', LOG_LEVEL: 'warn' };
});
afterAll(async () => {
  await scratch.drop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('recon users, tokens and audit', () => {
  it('adds and lists users, creates a token shown once, revokes it, and verifies the audit chain', async () => {
    const added = await recon('users', 'add', '--email', 'Ana@Example.com', '--name', 'Ana', '--role', 'approver');
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Added approver Ana <ana@example.com>');
    const bad = await recon('users', 'add', '--email', 'nobody', '--role', 'boss');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--email.*--name.*--role as one of viewer, reviewer, approver, admin/s);

    const listed = await recon('users', 'list');
    expect(listed.stdout).toMatch(/ana@example\.com +approver +Ana +0 active tokens/);

    const created = await recon('tokens', 'create', '--email', 'ana@example.com', '--name', 'laptop');
    expect(created.code).toBe(0);
    const token = /^ {2}(recon_\S+)$/m.exec(created.stdout)?.[1];
    const id = /id ([0-9a-f-]{36})/.exec(created.stdout)?.[1];
    expect(token).toBeDefined();
    expect(created.stdout).toContain('shown only this once');
    expect(await withDatabase((h) => findTokenUser(h.db, token!))).toMatchObject({ role: 'approver', tokenId: id });
    const tokens = await recon('tokens', 'list', '--email', 'ana@example.com');
    expect(tokens.stdout).toMatch(new RegExp(`${id}.*laptop.*active`));
    expect(tokens.stdout).not.toContain(token!);

    const revoked = await recon('tokens', 'revoke', id!);
    expect(revoked.code).toBe(0);
    expect(await withDatabase((h) => findTokenUser(h.db, token!))).toBeUndefined();

    const verified = await recon('audit', 'verify');
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    // user.created, token.created, token.revoked
    expect(verified.stdout).toContain('Audit log ok: 3 entries');
  }, 120_000);

  it('exits 1 naming the first broken link once an audit row was changed behind the application', async () => {
    const seq = await withDatabase(async (h) => {
      // As the database superuser: switch the append-only trigger off, edit, switch it on.
      await h.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
      const [second] = await h.db.select({ seq: auditLog.seq }).from(auditLog).orderBy(asc(auditLog.seq)).offset(1).limit(1);
      await h.db.execute(sql`update audit_log set actor = 'mallory' where seq = ${second!.seq}`);
      await h.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
      return second!.seq;
    });
    const verified = await recon('audit', 'verify');
    expect(verified.code).toBe(1);
    expect(verified.stderr).toContain(`Audit log broken at entry ${seq}`);
    expect(verified.stderr).toContain('was changed after it was written');
  }, 60_000);
});
