import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from './metrics-registry.ts';
import { serveMetrics, type MetricsServer } from './metrics-server.ts';

let server: MetricsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('serveMetrics', () => {
  it('serves the registry on /metrics, a liveness answer on /livez and 404 elsewhere', async () => {
    const metrics = createMetrics({ defaults: false });
    metrics.jobFailures.inc({ queue: 'runs', outcome: 'retry' });
    server = await serveMetrics(metrics, 0, { host: '127.0.0.1' });
    const base = `http://127.0.0.1:${server.port}`;
    const scrape = await fetch(`${base}/metrics`);
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toContain('text/plain');
    expect(await scrape.text()).toContain('recon_job_failures_total{queue="runs",outcome="retry"} 1');
    expect((await fetch(`${base}/livez`)).status).toBe(200);
    expect((await fetch(`${base}/other`)).status).toBe(404);
  });

  it('answers 500 and reports the error when rendering fails', async () => {
    const errors: unknown[] = [];
    server = await serveMetrics({ render: () => Promise.reject(new Error('boom')) }, 0, { host: '127.0.0.1', onError: (e) => errors.push(e) });
    const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
    expect(res.status).toBe(500);
    expect(errors).toHaveLength(1);
  });
});
