/** `recon reconciliations` as a user runs it: the API's validation, the audited repository, and the scheduler when Redis is there. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRecon } from '../../test/recon-process.ts';
import { createScratchDatabaseUrl } from '../../test/scratch-database.ts';
import { testEnv } from '../../test/test-env.ts';
import { dropPrefix, uniquePrefix } from '../../worker/testing/job-systems.ts';

let dataDir: string;
let scratch: { url: string | undefined; drop(): Promise<void> };
const prefix = uniquePrefix();
const env = () => ({ RECON_DATA_DIR: dataDir, LOG_LEVEL: 'silent', RECON_QUEUE_PREFIX: prefix, ...(scratch.url ? { DATABASE_URL: scratch.url } : {}), ...(testEnv.redisUrl ? { REDIS_URL: testEnv.redisUrl } : {}) });

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'recon-recs-'));
  scratch = await createScratchDatabaseUrl();
});
afterAll(async () => {
  await scratch.drop();
  if (testEnv.redisUrl) await dropPrefix(testEnv.redisUrl, prefix);
  await rm(dataDir, { recursive: true, force: true });
});

describe('recon reconciliations', () => {
  it('creates, changes, lists and deletes a reconciliation with its schedule', async () => {
    const created = await runRecon(['reconciliations', 'set', 'ops-eur', '--name', 'Ops EUR', '--external', 'DE89', '--internal', 'GL-1', '--schedule', '0 2 * * *', '--timezone', 'Europe/Berlin', '--partition-by', 'currency'], env());
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Created reconciliation ops-eur: runs on "0 2 \* \* \*" \(Europe\/Berlin\)/);
    if (testEnv.redisUrl) expect(created.stdout).toMatch(/next at 20\d\d-/);
    const bad = await runRecon(['reconciliations', 'set', 'ops-eur', '--schedule', '0 25 * * *', '--partition-by', 'hourly'], env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/field schedule: .*25 is outside 0–23/);
    expect(bad.stderr).toMatch(/field partitionBy/);
    const changed = await runRecon(['reconciliations', 'set', 'ops-eur', '--schedule', 'none'], env());
    expect(changed.stdout).toMatch(/Updated reconciliation ops-eur: not scheduled, split by currency/);
    const listed = await runRecon(['reconciliations', 'list'], env());
    expect(listed.stdout).toMatch(/ops-eur\s+cash\s+DE89 ↔ GL-1\s+not scheduled\s+split by currency/);
    const deleted = await runRecon(['reconciliations', 'delete', 'ops-eur'], env());
    expect(deleted.stdout).toMatch(/Deleted reconciliation ops-eur/);
    expect((await runRecon(['reconciliations', 'delete', 'ops-eur'], env())).code).toBe(1);
  }, 300_000);
});
