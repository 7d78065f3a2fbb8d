/**
 * The process's metrics and logs as an operator sees them: a demo run through
 * the same wiring as `recon run` (against the fake LLM, with an API key),
 * a few API requests including an approval that applies, then one scrape of
 * `/metrics` parsed as Prometheus parses it, and the captured log lines
 * searched for the secrets.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app.ts';
import { testApiDeps } from '../api/testing/test-deps.ts';
import { runBatch } from '../agents/run-batch.ts';
import { parseConfig } from '../core/config/config-schema.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { exceptions } from '../db/schema/exceptions.ts';
import { reconciliations } from '../db/schema/reconciliations.ts';
import { EXPOSURE_METRICS, registerExposureGauges } from '../monitoring/exposure-gauges.ts';
import { createLogger } from '../monitoring/logger.ts';
import { createMetrics } from '../monitoring/metrics-registry.ts';
import { parseExposition, type Exposition } from '../monitoring/testing/parse-exposition.ts';
import { startFakeLlm, type FakeLlmServer } from '../test/fake-llm/fake-llm-server.ts';
import { reconResponder } from '../test/fake-llm/recon-responder.ts';
import { openTestDatabase } from '../test/test-db.ts';
import { databaseFigures } from './database-figures.ts';
import { ensureLocalAdmin } from './demo/local-admin.ts';
import { loadDemoBatch } from './demo/load-demo-batch.ts';
import { reconciliationRecords } from './run-sources.ts';
import { runSettings, wireRun } from './run-wiring.ts';

const API_KEY = 'sk-test-4f9c1e0b7d2a6e53';
const DB_PASSWORD = 'pw-9d81c7e2';

/** Every metric issue 10 names, as the registry calls it. */
const EXPECTED = [
  'recon_http_requests_total',
  'recon_http_request_duration_seconds',
  'recon_runs_total',
  'recon_run_duration_seconds',
  'recon_records_ingested_total',
  'recon_records_matched_total',
  'recon_match_rate',
  'recon_breaks_total',
  'recon_open_exceptions',
  'recon_money_at_risk',
  'recon_llm_requests_total',
  'recon_llm_request_duration_seconds',
  'recon_llm_tokens_total',
  'recon_llm_cost_usd_total',
  'recon_llm_fallbacks_total',
  'recon_llm_circuit_state',
  'recon_agent_calls_total',
  'recon_agent_call_duration_seconds',
  'recon_agent_tokens_total',
  'recon_suggestions_total',
  'recon_suggestion_decisions',
  'recon_apply_outcomes_total',
  'recon_queue_depth',
  'recon_job_duration_seconds',
  'recon_job_failures_total',
  'recon_run_last_completed_timestamp_seconds',
  'recon_db_connections',
  'recon_schedules',
  'recon_schedules_overdue',
  'recon_process_cpu_user_seconds_total',
  'recon_process_resident_memory_bytes',
  'recon_nodejs_eventloop_lag_seconds',
];

let db: DatabaseHandle;
let llm: FakeLlmServer;
let dataDir: string;
let scraped: Exposition;
let token: string;
const logLines: string[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  llm = await startFakeLlm({ responder: reconResponder() });
  dataDir = await mkdtemp(join(tmpdir(), 'recon-metrics-'));
  const logger = createLogger({
    level: 'trace',
    destination: new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    }),
  });
  const config = parseConfig({ RECON_DATA_DIR: dataDir, LLM_BASE_URL: llm.baseUrl, LLM_API_KEY: API_KEY, LLM_MAX_RETRIES: '0', LLM_TIMEOUT_MS: '120000', LLM_PRICE_PROMPT_PER_MTOK: '0.15', LLM_PRICE_COMPLETION_PER_MTOK: '0.60' });
  // What an entry point might log about itself: the configuration, with a database password in its URL.
  logger.info({ config: { ...config, databaseUrl: `postgres://recon:${DB_PASSWORD}@db:5432/recon` } }, 'configuration');

  const metrics = createMetrics();
  registerExposureGauges(metrics, () => databaseFigures(db), { cacheMs: 0 });
  const demo = await loadDemoBatch(db.db);
  const batch = await reconciliationRecords(db.db, demo.reconciliationId);
  const runOnce = async (mode: 'hybrid' | 'llm') => {
    const wiring = await wireRun(config, db, async () => ({ external: batch.external, internal: batch.internal }), logger.child({ runId: mode }), undefined, metrics);
    try {
      await runBatch({ deps: wiring.deps, settings: runSettings(config, mode), checkpointer: wiring.checkpointer.saver, input: { runId: randomUUID(), reconciliationId: demo.reconciliationId, domain: batch.domain, asOf: demo.asOf, matchConfig: batch.config } });
    } finally {
      await wiring.close();
    }
  };
  // The first run's answers are garbage: every step falls back to the rules. The second is answered
  // (the first cached nothing, since fallbacks are not cached).
  llm.setMode('malformed');
  await runOnce('llm');
  llm.setMode(undefined);
  await runOnce('llm');

  await db.db.update(reconciliations).set({ schedule: '0 2 * * *' }).where(eq(reconciliations.id, demo.reconciliationId));
  const admin = await ensureLocalAdmin(db.db, new Date());
  if (!admin.created) throw new Error('the test database already had an admin');
  token = admin.token;
  const app = createApp(testApiDeps(db, { metrics, logger }));
  const auth = { authorization: `Bearer ${token}` };
  expect((await app.request('/api/health/live')).status).toBe(200);
  expect((await app.request('/api/health/ready')).status).toBe(200);
  expect((await app.request('/api/reconciliations', { headers: auth })).status).toBe(200);
  expect((await app.request('/api/reconciliations')).status).toBe(401);
  const [approvable] = await db.db.select({ id: exceptions.id }).from(exceptions).where(and(eq(exceptions.status, 'suggested'), eq(exceptions.verified, true))).limit(1);
  if (!approvable) throw new Error('the demo run left no verified suggestion to approve');
  const approved = await app.request(`/api/exceptions/${approvable.id}/approve`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' });
  expect(approved.status).toBe(200);

  const res = await app.request('/metrics');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  scraped = parseExposition(await res.text());
}, 180_000);

afterAll(async () => {
  await llm?.close();
  await db?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('/metrics after runs and requests', () => {
  it('exposes every metric family named in the issue', () => {
    const missing = EXPECTED.filter((name) => !scraped.types.has(name));
    expect(missing).toEqual([]);
    for (const name of EXPOSURE_METRICS) expect(scraped.types.get(name)).toBe('gauge');
  });

  it('counts HTTP requests by route pattern and status, never by a raw path', () => {
    expect(scraped.value('recon_http_requests_total', { method: 'POST', route: '/api/exceptions/:id/approve', status: '200' })).toBe(1);
    expect(scraped.value('recon_http_requests_total', { method: 'GET', route: '/api/reconciliations', status: '401' })).toBe(1);
    const routes = new Set(scraped.samples.filter((s) => s.name === 'recon_http_requests_total').map((s) => s.labels.route ?? ''));
    expect([...routes].filter((r) => /[0-9a-f]{8}-[0-9a-f]{4}-/.test(r))).toEqual([]);
  });

  it('counts the runs, their records, match rate, breaks and suggestions', () => {
    expect(scraped.value('recon_runs_total', { mode: 'llm', outcome: 'completed' })).toBe(2);
    expect(scraped.value('recon_run_duration_seconds_count', { mode: 'llm', outcome: 'completed' })).toBe(2);
    expect(scraped.value('recon_records_ingested_total', { side: 'external' })).toBeGreaterThan(0);
    expect(scraped.value('recon_records_matched_total', { mode: 'llm' })).toBeGreaterThan(0);
    const rate = scraped.value('recon_match_rate', { mode: 'llm' })!;
    expect(rate).toBeGreaterThan(0);
    expect(rate).toBeLessThanOrEqual(1);
    expect(scraped.sum('recon_breaks_total')).toBeGreaterThan(0);
    expect(scraped.sum('recon_suggestions_total', { source: 'llm' })).toBeGreaterThan(0);
    expect(scraped.sum('recon_suggestions_total', { source: 'rules' })).toBeGreaterThan(0);
    expect(scraped.value('recon_run_last_completed_timestamp_seconds')).toBeGreaterThan(Date.now() / 1000 - 600);
  });

  it('counts LLM calls by agent and outcome with latency, tokens, cost, fallbacks and the circuit state', () => {
    // A loaded machine must not turn a slow answer into a timeout: the test's timeout is generous.
    const calls = JSON.stringify(scraped.samples.filter((s) => s.name === 'recon_llm_requests_total'));
    for (const agent of ['classify', 'rootCause', 'suggest']) expect(scraped.value('recon_llm_requests_total', { agent, outcome: 'ok' }) ?? 0, calls).toBeGreaterThan(0);
    expect(scraped.sum('recon_llm_requests_total', { outcome: 'invalid_output' })).toBeGreaterThan(0);
    expect(scraped.sum('recon_llm_request_duration_seconds_count', { outcome: 'error' })).toBeGreaterThan(0);
    expect(scraped.sum('recon_llm_tokens_total', { kind: 'prompt' })).toBeGreaterThan(0);
    expect(scraped.sum('recon_llm_cost_usd_total')).toBeGreaterThan(0);
    expect(scraped.sum('recon_llm_fallbacks_total', { reason: 'invalid_output' })).toBeGreaterThan(0);
    expect(scraped.sum('recon_agent_calls_total', { outcome: 'fallback' })).toBeGreaterThan(0);
    expect(scraped.sum('recon_agent_tokens_total')).toBeGreaterThan(0);
    expect(scraped.sum('recon_llm_circuit_state')).toBe(1);
  });

  it('reads open exceptions, money at risk and decisions from the database, and counts the apply', () => {
    expect(scraped.sum('recon_open_exceptions')).toBeGreaterThan(0);
    const ages = new Set(scraped.samples.filter((s) => s.name === 'recon_open_exceptions').map((s) => s.labels.age));
    expect([...ages].every((a) => ['0-1d', '1-3d', '3-7d', '7-30d', '30d+'].includes(a!))).toBe(true);
    const money = scraped.samples.filter((s) => s.name === 'recon_money_at_risk');
    expect(money.length).toBeGreaterThan(0);
    expect(money.every((s) => /^[A-Z]{3}$/.test(s.labels.currency ?? ''))).toBe(true);
    expect(scraped.sum('recon_suggestion_decisions', { outcome: 'approved' })).toBe(1);
    expect(scraped.sum('recon_apply_outcomes_total')).toBe(1);
    // The demo reconciliation got a nightly schedule, and its runs were made after the last 02:00.
    expect(scraped.value('recon_schedules')).toBe(1);
    expect(scraped.value('recon_schedules_overdue')).toBe(0);
    // PostgreSQL reports this test's own connections; PGlite has no pg_stat_activity of clients.
    if (db.kind === 'postgres') expect(scraped.sum('recon_db_connections')).toBeGreaterThan(0);
  });

  it('labels nothing with an id', () => {
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
    expect(scraped.samples.filter((s) => Object.values(s.labels).some((v) => uuid.test(v)))).toEqual([]);
  });
});

describe('logs', () => {
  it('carry run, request and exception ids and never the API key, the token or the database password', () => {
    const text = logLines.join('');
    // The key was in use: the fake endpoint saw it on every call.
    expect(llm.requestCount).toBeGreaterThan(0);
    expect(text).toContain('"runId"');
    expect(text).toContain('"requestId"');
    const decision = logLines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'decision recorded');
    expect(decision).toMatchObject({ decision: 'approve', exceptionId: expect.any(String), requestId: expect.any(String) });
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(token);
    expect(text).not.toContain(DB_PASSWORD);
    expect(text).toContain('[redacted]');
  });
});
