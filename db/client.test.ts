import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../core/errors/app-error.ts';
import { createDatabase, describeDatabaseUrl, MEMORY_DATA_DIR } from './client.ts';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('createDatabase', () => {
  it('persists PGlite in <dataDir>/pglite, creating the folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'recon-db-'));
    folders.push(dataDir);
    const nested = join(dataDir, 'not', 'yet');
    const handle = await createDatabase({ dataDir: nested });
    try {
      expect(handle.kind).toBe('pglite');
      expect(existsSync(join(nested, 'pglite', 'PG_VERSION'))).toBe(true);
      expect(await handle.ping()).toMatchObject({ ok: true, latencyMs: expect.any(Number) });
    } finally {
      await handle.close();
    }
    await handle.close();
    expect(await handle.ping()).toMatchObject({ ok: false });
  });

  it('opens an in-memory PGlite for memory://', async () => {
    const handle = await createDatabase({ dataDir: MEMORY_DATA_DIR });
    expect(await handle.ping()).toMatchObject({ ok: true });
    await handle.close();
  });

  it('fails at start with db_unavailable, naming the host but never the password', async () => {
    // Port 1 refuses connections at once; nothing listens there.
    const error = await createDatabase({ databaseUrl: 'postgres://recon:s3cret-pw@127.0.0.1:1/recon', dataDir: MEMORY_DATA_DIR }).catch((e: unknown) => e);
    expect(isAppError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'db_unavailable', retryable: true });
    const { message } = error as Error;
    expect(message).toContain('127.0.0.1:1');
    expect(message).not.toContain('s3cret-pw');
    expect(inspect(error, { depth: 10 })).not.toContain('s3cret-pw');
  });

  it('keeps the password out of the error for a URL it cannot even parse', async () => {
    const error = await createDatabase({ databaseUrl: 'postgres://recon:s3cret-pw@[bad/recon', dataDir: MEMORY_DATA_DIR }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'db_unavailable' });
    // Node's "Invalid URL" error carries the whole URL; it must not ride along as the cause.
    expect(inspect(error, { depth: 10 })).not.toContain('s3cret-pw');
  });

  it('refuses a database URL that is not a postgres:// URL before connecting', async () => {
    const error = await createDatabase({ databaseUrl: 'recon:s3cret@127.0.0.1/recon', dataDir: MEMORY_DATA_DIR }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'config_invalid' });
    expect(inspect(error, { depth: 10 })).not.toContain('3cret');
  });

  it('describes a database URL without its password', () => {
    expect(describeDatabaseUrl('postgres://recon:s3cret@db.internal:5432/recon?sslmode=require')).toBe('postgres://recon@db.internal:5432/recon');
    expect(describeDatabaseUrl('postgres://recon:s3cret@h1:5432,h2:5432/recon?sslmode=require')).toBe('postgres://recon@h1:5432,h2:5432/recon');
    expect(describeDatabaseUrl('recon:s3cret@h1/recon')).toBe('an unparsable DATABASE_URL');
  });
});
