/**
 * `GET /api/health`: the state of each dependency, and overall ok / degraded / down.
 * The probes for orchestrators are apart from that report and cheaper:
 * `GET /api/health/live` (liveness: the process answers; no dependency is
 * asked, so a database outage does not get every replica restarted) and
 * `GET /api/health/ready` (readiness: the critical dependencies answer; 503
 * takes the replica out of the load balancer until they do).
 */
import { Hono } from 'hono';

/** `degraded`: the dependency answers, but not well (an error status, say); the service goes on, degraded. */
export type CheckStatus = 'up' | 'degraded' | 'down' | 'not_configured';
export interface CheckResult {
  readonly status: CheckStatus;
  readonly latencyMs?: number;
  readonly error?: string;
  readonly [extra: string]: unknown;
}
export type HealthCheck = () => Promise<CheckResult>;

export interface HealthReport {
  readonly status: 'ok' | 'degraded' | 'down';
  readonly version: string;
  readonly checks: Readonly<Record<string, CheckResult>>;
}

/**
 * `critical` checks make the service `down` (503) when they fail; the others
 * only make it `degraded` (down or degraded themselves), since e.g. agents
 * fall back to rules without an LLM.
 */
export function healthRoutes(options: { version: string; critical: Record<string, HealthCheck>; optional?: Record<string, HealthCheck> }): Hono {
  const app = new Hono();
  app.get('/live', (c) => c.json({ status: 'ok' }));
  app.get('/ready', async (c) => {
    const results = await Promise.all(
      Object.entries(options.critical).map(async ([name, check]) => {
        try {
          return [name, (await check()).status] as const;
        } catch {
          return [name, 'down' as const] as const;
        }
      }),
    );
    const ready = results.every(([, status]) => status === 'up');
    return c.json({ status: ready ? 'ready' : 'not_ready', checks: Object.fromEntries(results) }, ready ? 200 : 503);
  });
  app.get('/', async (c) => {
    const entries = [
      ...Object.entries(options.critical).map(([name, check]) => ({ name, check, critical: true })),
      ...Object.entries(options.optional ?? {}).map(([name, check]) => ({ name, check, critical: false })),
    ];
    const results = await Promise.all(
      entries.map(async ({ name, check, critical }) => {
        try {
          return { name, critical, result: await check() };
        } catch (error) {
          return { name, critical, result: { status: 'down' as const, error: error instanceof Error ? error.message : String(error) } };
        }
      }),
    );
    const criticalDown = results.some((r) => r.critical && r.result.status === 'down');
    const anyDown = results.some((r) => r.result.status === 'down' || r.result.status === 'degraded');
    const report: HealthReport = {
      status: criticalDown ? 'down' : anyDown ? 'degraded' : 'ok',
      version: options.version,
      checks: Object.fromEntries(results.map((r) => [r.name, r.result])),
    };
    return c.json(report, criticalDown ? 503 : 200);
  });
  return app;
}
