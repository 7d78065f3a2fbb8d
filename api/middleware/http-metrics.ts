/**
 * Middleware factory: counts every request and times it, labelled by the
 * route pattern Hono matched (`/api/exceptions/:id`), so ids never become
 * label values. Paths no route knows count under the catch-all that answered
 * them (`/api/*`, `/*`).
 */
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { ReconMetrics } from '../../monitoring/metrics-registry.ts';

export function httpMetrics(metrics: Pick<ReconMetrics, 'httpRequests' | 'httpDuration'>, now: () => number = () => performance.now()): MiddlewareHandler {
  return async (c, next) => {
    const started = now();
    try {
      await next();
    } finally {
      // After next(), the route index points at the handler that answered.
      const pattern = routePath(c);
      const labels = { method: c.req.method, route: pattern || 'unmatched', status: String(c.res.status) };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, (now() - started) / 1000);
    }
  };
}
