/**
 * Middleware factory: CORS for the configured origins only
 * (`RECON_CORS_ORIGINS`). With none configured it does nothing, so browsers
 * keep the same-origin rule: the web app is served by the API itself and
 * needs no CORS. Credentials are allowed because the web app's login is a
 * cookie; that is exactly why the list is explicit and never `*`.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { REQUEST_ID_HEADER } from './request-context.ts';

export function corsForOrigins(origins: readonly string[]): MiddlewareHandler {
  if (origins.length === 0) return (_c, next) => next();
  const allowed = new Set(origins);
  return cors({
    // An origin outside the list gets no Access-Control-Allow-Origin, so the browser refuses the call.
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type', REQUEST_ID_HEADER],
    exposeHeaders: [REQUEST_ID_HEADER, 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'Content-Disposition'],
    credentials: true,
    maxAge: 600,
  });
}
