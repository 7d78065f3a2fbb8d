import { describe, expect, it } from 'vitest';
import { healthRoutes, type HealthCheck } from './health.ts';

const up: HealthCheck = async () => ({ status: 'up' });
const down: HealthCheck = async () => ({ status: 'down', error: 'refused' });
const throws: HealthCheck = async () => {
  throw new Error('boom');
};

describe('liveness and readiness', () => {
  it('live answers 200 without asking any dependency', async () => {
    let asked = 0;
    const app = healthRoutes({ version: 't', critical: { db: async () => (asked++, { status: 'down' }) } });
    const res = await app.request('/live');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(asked).toBe(0);
  });

  it('ready is 200 when every critical check is up, whatever the optional ones say', async () => {
    const app = healthRoutes({ version: 't', critical: { db: up }, optional: { llm: down } });
    const res = await app.request('/ready');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', checks: { db: 'up' } });
    // The full report still shows the optional dependency degrading the service.
    expect(((await (await app.request('/')).json()) as { status: string }).status).toBe('degraded');
  });

  it('ready is 503 when a critical check is down or throws', async () => {
    for (const db of [down, throws]) {
      const res = await healthRoutes({ version: 't', critical: { db } }).request('/ready');
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'not_ready', checks: { db: 'down' } });
    }
  });
});
