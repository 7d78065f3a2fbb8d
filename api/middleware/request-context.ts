/**
 * Middleware factory: gives every request an id (a well-formed incoming
 * `X-Request-Id` is kept so traces join up across services), a child logger
 * bound to it, and one completion log line with status and duration.
 */
import type { MiddlewareHandler } from 'hono';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../monitoring/logger.ts';

export const REQUEST_ID_HEADER = 'X-Request-Id';
const VALID_ID = /^[\w.:-]{1,128}$/;

export interface RequestContextOptions {
  readonly logger: Logger;
  readonly generateId?: () => string;
  /** Injected so tests control durations; defaults to a monotonic clock. */
  readonly now?: () => number;
}

declare module 'hono' {
  interface ContextVariableMap {
    requestId: string;
    logger: Logger;
  }
}

export function requestContext(options: RequestContextOptions): MiddlewareHandler {
  const generateId = options.generateId ?? randomUUID;
  const now = options.now ?? (() => performance.now());
  return async (c, next) => {
    const incoming = c.req.header(REQUEST_ID_HEADER);
    const requestId = incoming && VALID_ID.test(incoming) ? incoming : generateId();
    const logger = options.logger.child({ requestId });
    c.set('requestId', requestId);
    c.set('logger', logger);
    c.header(REQUEST_ID_HEADER, requestId);
    const started = now();
    await next();
    logger.info({ method: c.req.method, path: c.req.path, status: c.res.status, durationMs: Math.round((now() - started) * 10) / 10 }, 'request');
  };
}
