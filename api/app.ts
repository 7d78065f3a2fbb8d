/**
 * The Hono application: middleware, the API under `/api`, and the web app.
 * Wiring only; routes live in `routes/`, dependencies are passed in.
 */
import { Hono } from 'hono';
import { AppError } from '../core/errors/app-error.ts';
import type { ApiDeps } from './api-deps.ts';
import { authenticate } from './auth/authenticate.ts';
import { errorHandler } from './errors/error-handler.ts';
import { bodyLimits } from './middleware/body-limits.ts';
import { corsForOrigins } from './middleware/cors.ts';
import { httpMetrics } from './middleware/http-metrics.ts';
import { authFailureLimit, rateLimit } from './middleware/rate-limit.ts';
import { requestContext } from './middleware/request-context.ts';
import { edgeSecureHeaders } from './middleware/secure-headers.ts';
import { healthRoutes } from './routes/health.ts';
import { routeTable } from './routes/route-table.ts';
import { apiDocsRoutes } from './routing/api-docs.ts';
import { mountRoutes } from './routing/mount-routes.ts';
import { openApiDocument } from './routing/openapi.ts';
import { webAppRoutes } from './static/web-app.ts';

export type AppDeps = ApiDeps;

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use('*', requestContext({ logger: deps.logger }));
  if (deps.metrics) app.use('*', httpMetrics(deps.metrics));
  app.onError(errorHandler(deps.logger));
  app.use('*', edgeSecureHeaders());
  app.use('/api/*', corsForOrigins(deps.corsOrigins));

  const api = new Hono();
  api.route(
    '/health',
    healthRoutes({
      version: deps.version,
      optional: { ...(deps.health.redis ? { redis: deps.health.redis } : {}), ...(deps.health.llm ? { llm: deps.health.llm } : {}) },
      critical: {
        db: async () => {
          const ping = await deps.db.ping();
          return ping.ok
            ? { status: 'up', kind: deps.db.kind, latencyMs: ping.latencyMs }
            : { status: 'down', kind: deps.db.kind, error: ping.error };
        },
      },
    }),
  );
  // Health stays above these: probes need no token and are never rate limited.
  api.use('*', bodyLimits({ jsonBytes: deps.maxJsonBytes, uploadBytes: deps.maxUploadBytes }));
  api.use('*', authFailureLimit({ perMinute: deps.rateLimitPerMinute }));
  api.use('*', authenticate({ db: deps.db.db }));
  api.use('*', rateLimit({ perMinute: deps.rateLimitPerMinute }));
  const routes = routeTable(deps);
  mountRoutes(api, routes);
  const document = openApiDocument(routes, { title: 'Recon API', version: deps.version });
  api.get('/openapi.json', (c) => c.json(document));
  api.route('/docs', apiDocsRoutes());
  // Unknown API paths are a JSON 404, never the SPA's index.html.
  api.all('*', (c) => {
    throw new AppError('not_found', `No API route for ${c.req.method} ${c.req.path}`);
  });
  app.route('/api', api);
  // Scraped by Prometheus from inside the deployment, like the health probes: no token.
  app.get('/metrics', async (c) => {
    if (!deps.metrics) throw new AppError('not_found', 'Metrics are not enabled in this process');
    const { contentType, body } = await deps.metrics.render();
    return c.body(body, 200, { 'content-type': contentType });
  });

  app.route('/', webAppRoutes(deps.webDistDir));
  return app;
}
