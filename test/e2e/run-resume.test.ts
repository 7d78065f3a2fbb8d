/**
 * `recon run` as a user runs it, killed with SIGKILL in the middle of the
 * agents and started again with the same run id: the second process resumes
 * from the checkpoint, does not redo the chunks that finished, and the run
 * ends with every break stored exactly once.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createDatabase } from '../../db/client.ts';
import { exceptions } from '../../db/schema/exceptions.ts';
import { runs } from '../../db/schema/runs.ts';
import { startFakeLlm, type FakeLlmServer } from '../fake-llm/fake-llm-server.ts';
import { reconResponder } from '../fake-llm/recon-responder.ts';
import { generateCases } from '../generated-cases.ts';
import { systemPath } from '../../cli/config.ts';
import { startRecon } from '../recon-process.ts';
import { createScratchDatabaseUrl } from '../scratch-database.ts';

let dir: string;
let server: FakeLlmServer;
let scratch: Awaited<ReturnType<typeof createScratchDatabaseUrl>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recon-resume-'));
  scratch = await createScratchDatabaseUrl();
  server = await startFakeLlm({ responder: reconResponder(), latencyMs: 150 });
});
afterAll(async () => {
  await server.close();
  await scratch.drop();
  await rm(dir, { recursive: true, force: true });
});

function env(): Record<string, string> {
  return {
    PATH: systemPath(),
    RECON_DATA_DIR: dir,
    ...(scratch.url ? { DATABASE_URL: scratch.url } : {}),
    LLM_BASE_URL: server.baseUrl,
    LLM_MODEL: 'fake-model',
    LLM_CONCURRENCY: '1',
    LLM_MAX_RETRIES: '0',
    RECON_LLM_BATCH_SIZE: '2',
    LOG_LEVEL: 'silent',
  };
}

const start = (args: string[]) => startRecon(args, env());

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('recon run killed mid-run', () => {
  it('resumes from its checkpoint with no duplicated or lost exceptions', async () => {
    const [c] = generateCases({ cases: 1, seed: 11, breaksPerCase: 8, matchesPerCase: 4 });
    const batchFile = join(dir, 'batch.json');
    const batch = {
      reconciliation: { id: 'resume-test', name: 'Resume test', domain: 'cash', externalAccount: c!.external[0]!.account, internalAccount: c!.internal[0]!.account },
      asOf: c!.asOf,
      external: c!.external,
      internal: c!.internal,
    };
    await writeFile(batchFile, JSON.stringify(batch));
    const runId = randomUUID();
    const args = ['run', '--batch', batchFile, '--mode', 'llm', '--run-id', runId, '--json'];

    const first = start(args);
    // Three calls per chunk of two breaks: kill once the second chunk is under way.
    await until(() => server.requestCount >= 4, 60_000);
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    const callsBefore = server.requestCount;

    const second = start(args);
    const finished = await second.done;
    expect(finished.code, finished.stderr).toBe(0);
    const summary = JSON.parse(finished.stdout) as { breaks: number; bySource: Record<string, number> };
    expect(summary.bySource.llm).toBe(summary.breaks);
    const chunks = Math.ceil(summary.breaks / 2);
    // The finished chunk was not asked again.
    expect(server.requestCount - callsBefore).toBeLessThan(3 * chunks);

    const handle = await createDatabase({ databaseUrl: scratch.url, dataDir: dir });
    try {
      const [counts] = await handle.db
        .select({ n: sql<number>`count(*)::int`, keys: sql<number>`count(distinct ${exceptions.breakKey})::int` })
        .from(exceptions)
        .where(eq(exceptions.runId, runId));
      const [run] = await handle.db.select({ status: runs.status }).from(runs).where(eq(runs.id, runId));
      expect(counts).toEqual({ n: summary.breaks, keys: summary.breaks });
      expect(run?.status).toBe('completed');
    } finally {
      await handle.close();
    }
  }, 120_000);
});
