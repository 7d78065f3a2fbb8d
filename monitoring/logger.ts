/**
 * The pino logger factory. JSON lines in production (for log shippers), pretty
 * and coloured when a person watches a terminal. The entry point decides the
 * format; this module reads no environment.
 */
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { PinoPretty } from 'pino-pretty';

export type { Logger } from 'pino';
export type LogFormat = 'json' | 'pretty';

export interface LoggerOptions {
  readonly level?: LevelWithSilent;
  readonly format?: LogFormat;
  /** Where lines go; defaults to stdout. Tests pass a memory stream. */
  readonly destination?: DestinationStream;
  readonly name?: string;
}

/**
 * Secrets that may ride along in logged objects. Paths are pino redaction
 * paths; `*` matches one level, so nested config objects are covered too.
 */
export const REDACTED_PATHS = [
  ...['password', 'apiKey', 'token', 'authorization', 'cookie', 'databaseUrl', 'redisUrl', 'DATABASE_URL', 'REDIS_URL', 'LLM_API_KEY'].flatMap((key) => [
    key,
    `*.${key}`,
    // Two levels down: `config.llm.apiKey`, `options.headers.authorization`.
    `*.*.${key}`,
  ]),
  'req.headers.authorization',
  'req.headers.cookie',
  'headers["x-api-key"]',
  '*.headers["x-api-key"]',
]

/** `scheme://user:password@host` → `scheme://user:[redacted]@host`, wherever a URL sits inside a text. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+@/gi;
export function scrubCredentials(text: string): string {
  return text.replace(URL_CREDENTIALS, '$1[redacted]@');
}

/**
 * Errors are logged with message and stack; a driver's message may quote the
 * connection URL, so credentials in URLs are cut from both (paths cannot
 * reach inside a string).
 */
function errSerializer(error: unknown): unknown {
  const out = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  if (!out || typeof out !== 'object') return out;
  for (const key of ['message', 'stack'] as const) if (typeof out[key] === 'string') out[key] = scrubCredentials(out[key]);
  return out;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const pinoOptions = {
    level: options.level ?? 'info',
    base: { service: options.name ?? 'recon' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: errSerializer },
    hooks: {
      // The message itself (`logger.warn('cannot reach postgres://u:pw@h')`) is scrubbed too.
      logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrubCredentials(a) : a)));
      },
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (options.destination) return pino(pinoOptions, options.destination);
  if (options.format === 'pretty') {
    // A synchronous stream rather than a transport thread: CLI output and logs
    // then interleave in order, and short-lived commands lose no lines.
    return pino(pinoOptions, PinoPretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service', sync: true }));
  }
  return pino(pinoOptions);
}

/** Ids a log line can be bound to; low-cardinality fields stay out of metrics, not logs. */
export interface LogBindings {
  readonly requestId?: string;
  readonly runId?: string;
  readonly jobId?: string;
  readonly exceptionId?: string;
  readonly importId?: string;
  readonly reconciliationId?: string;
  readonly component?: string;
}

export function childLogger(logger: Logger, bindings: LogBindings): Logger {
  const defined = Object.fromEntries(Object.entries(bindings).filter(([, v]) => v !== undefined));
  return logger.child(defined);
}
