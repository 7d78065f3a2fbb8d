/**
 * The Hono application: middleware, the API under `/api`, and the web app.
 * Wiring only; routes live in `routes/`, dependencies are passed in.
 */
import { Hono } from 'hono';
import { AppError } from '../core/errors/app-error.ts';
import type { DatabaseHandle } from '../db/client.ts';
import type { Logger } from '../monitoring/logger.ts';
import { errorHandler } from './errors/error-handler.ts';
import { requestContext } from './middleware/request-context.ts';
import { healthRoutes } from './routes/health.ts';
import { importRoutes } from './routes/imports.ts';
import { webAppRoutes } from './static/web-app.ts';

export interface AppDeps {
  readonly db: DatabaseHandle;
  readonly logger: Logger;
  readonly version: string;
  /** Upload size limit for imports. */
  readonly maxUploadBytes?: number;
  /** Folder of the built web app; omitted, only the API is served. */
  readonly webDistDir?: string;
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use('*', requestContext({ logger: deps.logger }));
  app.onError(errorHandler(deps.logger));

  const api = new Hono();
  api.route(
    '/health',
    healthRoutes({
      version: deps.version,
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
  api.route('/imports', importRoutes({ db: deps.db.db, maxUploadBytes: deps.maxUploadBytes ?? 50 * 1024 * 1024 }));
  // Unknown API paths are a JSON 404, never the SPA's index.html.
  api.all('*', (c) => {
    throw new AppError('not_found', `No API route for ${c.req.method} ${c.req.path}`);
  });
  app.route('/api', api);

  app.route('/', webAppRoutes(deps.webDistDir));
  return app;
}
