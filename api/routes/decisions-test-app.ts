/**
 * The decision and adjustment routes mounted as the app mounts them (auth,
 * the one error handler, declared routes under /api), for their tests.
 */
import { Hono } from 'hono';
import type { DatabaseHandle } from '../../db/client.ts';
import type { ApiDeps } from '../api-deps.ts';
import { authenticate } from '../auth/authenticate.ts';
import { errorHandler } from '../errors/error-handler.ts';
import { mountRoutes } from '../routing/mount-routes.ts';
import { testApiDeps } from '../testing/test-deps.ts';
import { adjustmentRoutes } from './adjustments.ts';
import { decisionRoutes } from './decisions.ts';

export function decisionsTestApp(handle: DatabaseHandle, overrides: Partial<ApiDeps> = {}): Hono {
  const deps = testApiDeps(handle, overrides);
  const app = new Hono();
  app.onError(errorHandler(deps.logger));
  const api = new Hono();
  api.use('*', authenticate({ db: handle.db }));
  mountRoutes(api, [...decisionRoutes(deps), ...adjustmentRoutes(deps)]);
  app.route('/api', api);
  return app;
}
