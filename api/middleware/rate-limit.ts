/**
 * Middleware factories for the per-caller rate limit
 * (`RECON_RATE_LIMIT_PER_MINUTE`):
 * - `rateLimit`, after authentication: each token id (or, for anonymous
 *   requests, each client address) gets `perMinute` requests per window;
 * - `authFailureLimit`, before authentication: requests that end in 401 count
 *   against the client address, so guessing tokens is as slow as the limit
 *   (a rejected token never reaches `rateLimit`).
 * Over the limit: 429 `rate_limited` with Retry-After.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { AppError } from '../../core/errors/app-error.ts';
import { FixedWindowCounter, type WindowVerdict } from './fixed-window.ts';

const MINUTE_MS = 60_000;

export interface RateLimitOptions {
  /** 0: no limit. */
  readonly perMinute: number;
  /** Injected so tests control the window; defaults to the wall clock. */
  readonly now?: () => number;
  /** The client's address for anonymous callers; defaults to the socket's peer address. */
  readonly clientAddress?: (c: Context) => string;
}

/**
 * The socket's peer. Forwarded-For headers are not trusted: anyone can send
 * them, and behind a proxy every caller with a token is keyed by token anyway.
 */
export function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-process requests (tests, app.request) have no socket.
    return 'unknown';
  }
}

function refuse(c: Context, verdict: WindowVerdict, why: string): never {
  c.header('Retry-After', String(verdict.retryAfterSeconds));
  throw new AppError('rate_limited', `${why}; retry in ${verdict.retryAfterSeconds} s`, { details: { limitPerMinute: verdict.limit, retryAfterSeconds: verdict.retryAfterSeconds } });
}

export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  if (options.perMinute <= 0) return (_c, next) => next();
  const counter = new FixedWindowCounter(options.perMinute, MINUTE_MS, options.now ?? Date.now);
  const address = options.clientAddress ?? socketAddress;
  return async (c, next) => {
    const user = c.get('user');
    const verdict = counter.hit(user ? `token:${user.tokenId}` : `addr:${address(c)}`);
    c.header('RateLimit-Limit', String(verdict.limit));
    c.header('RateLimit-Remaining', String(verdict.remaining));
    if (!verdict.allowed) refuse(c, verdict, `More than ${verdict.limit} requests a minute ${user ? 'with this token' : 'from this address'}`);
    await next();
  };
}

export function authFailureLimit(options: RateLimitOptions): MiddlewareHandler {
  if (options.perMinute <= 0) return (_c, next) => next();
  const counter = new FixedWindowCounter(options.perMinute, MINUTE_MS, options.now ?? Date.now);
  const address = options.clientAddress ?? socketAddress;
  return async (c, next) => {
    const key = address(c);
    const blocked = counter.peek(key);
    if (blocked) refuse(c, blocked, `More than ${blocked.limit} requests a minute from this address were refused as unauthenticated`);
    await next();
    if (c.res.status === 401) counter.hit(key);
  };
}
