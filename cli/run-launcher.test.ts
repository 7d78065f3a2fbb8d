import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunProgressEvent } from '../api/api-deps.ts';
import { createApp } from '../api/app.ts';
import { testCaller, type TestCaller } from '../api/testing/test-auth.ts';
import { testApiDeps } from '../api/testing/test-deps.ts';
import { caseSides } from '../agents/testing/case-batch.ts';
import { parseConfig } from '../core/config/config-schema.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { storeImport } from '../db/repositories/imports-repository.ts';
import { exceptions } from '../db/schema/exceptions.ts';
import { reconciliations } from '../db/schema/reconciliations.ts';
import { runs } from '../db/schema/runs.ts';
import { createLogger } from '../monitoring/logger.ts';
import { generateCases } from '../test/generated-cases.ts';
import { readSse } from '../test/sse-events.ts';
import { openTestDatabase } from '../test/test-db.ts';
import { createRunLauncher, type InProcessRunLauncher } from './run-launcher.ts';

// Embedded checkpoints in memory and rules only: the test needs neither a server's checkpoint schema nor an LLM.
const config = parseConfig({ RECON_DATA_DIR: 'memory://', LOG_LEVEL: 'silent' });
const logger = createLogger({ level: 'silent' });
const [batch] = generateCases({ cases: 1, seed: 11, breaksPerCase: 6, matchesPerCase: 5 });

let db: DatabaseHandle;
let approver: TestCaller;
let launcher: InProcessRunLauncher;

beforeAll(async () => {
  db = await openTestDatabase();
  approver = await testCaller(db.db, 'approver');
  const sides = caseSides(batch!);
  const external = sides.external.map((r) => ({ ...r, id: `launch:${r.id}` }));
  const internal = sides.internal.map((r) => ({ ...r, id: `launch:${r.id}` }));
  await db.db.insert(reconciliations).values([
    { id: 'ops', name: 'Ops', externalAccount: external[0]!.account, internalAccount: internal[0]!.account },
    { id: 'broken', name: 'Broken', externalAccount: 'A', internalAccount: 'B', config: { dateWindowDays: 'soon' } },
  ]);
  await storeImport(db.db, { format: 'json', side: 'external', account: external[0]!.account, fileName: 'bank.json', sha256: randomUUID(), records: external });
  await storeImport(db.db, { format: 'json', side: 'internal', account: internal[0]!.account, fileName: 'ledger.json', sha256: randomUUID(), records: internal });
  launcher = createRunLauncher({ config, db, logger });
});
afterAll(async () => {
  await launcher.close();
  await db.close();
});

describe('the in-process run launcher', () => {
  it('runs a reconciliation in the background and streams its progress over SSE to done', async () => {
    const app = createApp(testApiDeps(db, { runs: launcher }));
    const started = await app.request('/api/runs', { method: 'POST', headers: approver.headers, body: JSON.stringify({ reconciliationId: 'ops', asOf: batch!.asOf }) });
    expect(started.status).toBe(202);
    const { runId } = (await started.json()) as { runId: string };
    const events = await readSse(await app.request(`/api/runs/${runId}/events`, { headers: approver.headers }));
    const names = events.map((e) => e.event);
    expect(names.at(-1)).toBe('done');
    expect(names.slice(0, -1).every((n) => n === 'progress')).toBe(true);
    const phases = events.slice(0, -1).map((e) => (JSON.parse(e.data) as RunProgressEvent).phase);
    expect(phases).toEqual(expect.arrayContaining(['match', 'agents']));
    const done = JSON.parse(events.at(-1)!.data) as { status: string; mode: string; exceptions: { total: number } };
    expect(done).toMatchObject({ status: 'completed', mode: 'rules' });
    const stored = await db.db.select({ id: exceptions.id }).from(exceptions).where(eq(exceptions.runId, runId));
    expect(done.exceptions.total).toBe(stored.length);
    expect(stored.length).toBeGreaterThanOrEqual(5);
    // A late subscriber gets the final state at once.
    const late = await readSse(await app.request(`/api/runs/${runId}/events`, { headers: approver.headers }));
    expect(late.map((e) => e.event)).toEqual(['done']);
  });

  it('replays the latest event to a new subscriber and fans events out to every subscriber', async () => {
    const { runId } = await launcher.start({ reconciliationId: 'ops', asOf: batch!.asOf, requestedBy: approver.userId });
    const a: RunProgressEvent[] = [];
    const b: RunProgressEvent[] = [];
    const offA = launcher.subscribe(runId, (e) => a.push(e));
    const offB = launcher.subscribe(runId, (e) => b.push(e));
    await launcher.idle();
    offA();
    offB();
    expect(a[0]!.phase).toMatch(/queued|load/);
    expect(a.at(-1)!.phase).toBe('done');
    expect(b.map((e) => e.phase)).toEqual(a.map((e) => e.phase));
    expect(launcher.subscribe(randomUUID(), () => {})).toBeTypeOf('function');
  });

  it('refuses an unknown reconciliation, and marks a run failed when its configuration is invalid', async () => {
    await expect(launcher.start({ reconciliationId: 'nope', asOf: '2026-10-31', requestedBy: approver.userId })).rejects.toMatchObject({ code: 'not_found' });
    const { runId } = await launcher.start({ reconciliationId: 'broken', asOf: '2026-10-31', requestedBy: approver.userId });
    const events: RunProgressEvent[] = [];
    launcher.subscribe(runId, (e) => events.push(e));
    await launcher.idle();
    expect(events.at(-1)).toMatchObject({ phase: 'failed', message: expect.stringContaining('dateWindowDays') });
    const [row] = await db.db.select().from(runs).where(eq(runs.id, runId));
    expect(row).toMatchObject({ status: 'failed', error: expect.stringContaining('invalid configuration') });
  });
});
