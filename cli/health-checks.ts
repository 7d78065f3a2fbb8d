/**
 * The optional dependencies' health checks `GET /api/health` reports:
 * Redis (PING) and the LLM endpoint (GET {base}/models), each with a short
 * timeout. Up: it answered; degraded: the LLM endpoint answered with an
 * error status (it is there, but calls may fail); down: no answer in time.
 * Results are kept a few seconds, so a busy or hostile poller of the public
 * health route cannot turn every request into a connection to Redis or a
 * call to a paid endpoint.
 */
import { Redis } from 'ioredis';
import type { CheckResult, HealthCheck } from '../api/routes/health.ts';

const DEFAULT_TIMEOUT_MS = 1_500;
const DEFAULT_CACHE_MS = 5_000;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Reuses a result for `ttlMs`, and lets concurrent callers share one check in flight. */
export function cachedCheck(check: HealthCheck, ttlMs = DEFAULT_CACHE_MS, now: () => number = Date.now): HealthCheck {
  let last: { at: number; result: Promise<CheckResult> } | undefined;
  return () => {
    if (!last || now() - last.at >= ttlMs) last = { at: now(), result: check() };
    return last.result;
  };
}

export const notConfigured: HealthCheck = async () => ({ status: 'not_configured' });

/** One short-lived connection per check: nothing to keep healthy between checks, and a dead server costs one timeout. */
export function redisCheck(url: string, timeoutMs = DEFAULT_TIMEOUT_MS): HealthCheck {
  return async () => {
    const started = performance.now();
    const client = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, commandTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
    // Connection errors surface through connect()/ping(); without a listener ioredis would also throw them as an unhandled 'error' event.
    client.on('error', () => {});
    try {
      await client.connect();
      const reply = await client.ping();
      return reply === 'PONG' ? { status: 'up', latencyMs: Math.round(performance.now() - started) } : { status: 'down', error: `unexpected reply to PING: ${reply}` };
    } catch (error) {
      return { status: 'down', error: message(error) };
    } finally {
      client.disconnect();
    }
  };
}

/** `GET {baseUrl}/models`, the one cheap call every OpenAI-compatible server answers. */
export function llmCheck(options: { baseUrl: string; apiKey?: string | undefined; timeoutMs?: number }): HealthCheck {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/models`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return async () => {
    const started = performance.now();
    try {
      const res = await fetch(url, { headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}, signal: AbortSignal.timeout(timeoutMs) });
      await res.body?.cancel();
      const latencyMs = Math.round(performance.now() - started);
      return res.ok ? { status: 'up', latencyMs } : { status: 'degraded', latencyMs, httpStatus: res.status, error: `GET /models answered ${res.status}` };
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      return { status: 'down', error: timedOut ? `no answer within ${timeoutMs} ms` : message(error) };
    }
  };
}

/** The checks for ApiDeps.health from the configuration; unconfigured dependencies report `not_configured`. */
export function optionalHealthChecks(config: { redisUrl: string | undefined; llm: { baseUrl: string | undefined; apiKey: string | undefined } }): { redis: HealthCheck; llm: HealthCheck } {
  return {
    redis: config.redisUrl ? cachedCheck(redisCheck(config.redisUrl)) : notConfigured,
    llm: config.llm.baseUrl ? cachedCheck(llmCheck({ baseUrl: config.llm.baseUrl, apiKey: config.llm.apiKey })) : notConfigured,
  };
}
