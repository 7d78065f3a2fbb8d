import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.ts';
import { createMetrics } from '../../monitoring/metrics-registry.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import { createApp } from '../app.ts';
import { testApiDeps } from '../testing/test-deps.ts';
import { testCaller } from '../testing/test-auth.ts';

let db: DatabaseHandle;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

describe('/metrics', () => {
  it('counts requests by route pattern and status, never by raw path, next to the process metrics', async () => {
    const metrics = createMetrics();
    const app = createApp(testApiDeps(db, { metrics }));
    const caller = await testCaller(db.db, 'viewer');
    await app.request('/api/health');
    await app.request('/api/health');
    await app.request('/api/exceptions/6f1c9a52-1d3e-4b8a-9f00-0c1d2e3f4a5b', { headers: caller.headers });
    await app.request('/api/no-such-thing');
    const res = await app.request('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/recon_http_requests_total\{method="GET",route="\/api\/health",status="200"\} 2/);
    expect(text).toMatch(/recon_http_requests_total\{method="GET",route="\/api\/exceptions\/:id",status="404"\} 1/);
    expect(text).toMatch(/recon_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/health",status="200"\}/);
    expect(text).toMatch(/recon_http_requests_total\{method="GET",route="\/api\/\*",status="404"\} 1/);
    expect(text).not.toContain('6f1c9a52');
    expect(text).not.toContain('no-such-thing');
    expect(text).toContain('recon_process_cpu_user_seconds_total');
  });

  it('answers 404 when the process keeps no metrics', async () => {
    expect((await createApp(testApiDeps(db)).request('/metrics')).status).toBe(404);
  });
});
