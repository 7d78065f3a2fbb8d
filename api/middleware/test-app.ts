/** A bare Hono app with the API's error handler, for the middleware tests. */
import { Hono, type MiddlewareHandler } from 'hono';
import { createLogger } from '../../monitoring/logger.ts';
import { errorHandler } from '../errors/error-handler.ts';

export function appWith(...middleware: MiddlewareHandler[]): Hono {
  const app = new Hono();
  app.onError(errorHandler(createLogger({ level: 'silent' })));
  for (const m of middleware) app.use('*', m);
  app.all('*', async (c) => c.json({ ok: true, bytes: c.req.method === 'GET' ? 0 : (await c.req.text()).length }));
  return app;
}
