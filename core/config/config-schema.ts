/**
 * The configuration of every Recon process, as a zod schema over environment
 * variables. Defaults make the embedded mode (PGlite, in-process jobs, rules
 * agents) work with no variables at all. This file only describes and parses;
 * reading `process.env` happens once, in the entry point's config module.
 */
import { z } from 'zod';
import { AGENT_MODES } from '../statuses.ts';
import { AppError, type ErrorIssue } from '../errors/app-error.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;

/** Empty strings count as unset, as `FOO= recon serve` means "no value". */
const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());

function urlWithProtocols(protocols: readonly string[]) {
  const expected = protocols.map((p) => `${p}://`).join(' or ');
  return z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .superRefine((value, ctx) => {
        if (!URL.canParse(value)) ctx.addIssue({ code: 'custom', message: `must be a URL starting with ${expected}` });
        else if (!protocols.some((p) => value.startsWith(`${p}://`))) ctx.addIssue({ code: 'custom', message: `must start with ${expected}` });
      })
      .optional(),
  );
}

function integer(min: number, max: number, fallback: number) {
  return z.preprocess(
    (v) => (v === '' || v === undefined ? fallback : v),
    z.coerce
      .number({ message: `must be a whole number from ${min} to ${max}` })
      .int({ message: `must be a whole number from ${min} to ${max}` })
      .min(min, { message: `must be at least ${min}` })
      .max(max, { message: `must be at most ${max}` }),
  );
}

function decimalText(fallback: string) {
  return z.preprocess((v) => (v === '' || v === undefined ? fallback : v), z.string().regex(/^\d+(\.\d+)?$/, { message: 'must be a non-negative decimal such as 0.15' }));
}

/**
 * A comma-separated list of browser origins (`https://host[:port]`), each
 * normalised to its origin. Paths or wildcards are refused: the login cookie
 * is sent with credentials, and a wildcard would let any site use it.
 */
const originList = z.preprocess(
  (v) => (v === undefined ? '' : v),
  z
    .string()
    .transform((v) => v.split(',').map((o) => o.trim()).filter((o) => o !== ''))
    .superRefine((origins, ctx) => {
      for (const o of origins) {
        const url = URL.canParse(o) ? new URL(o) : undefined;
        if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== o.replace(/\/$/, '')) ctx.addIssue({ code: 'custom', message: `"${o}" is not an origin such as https://app.example.com (scheme, host and port only)` });
      }
    })
    .transform((origins) => origins.map((o) => new URL(o).origin)),
);

const flag = z.preprocess(
  (v) => (v === '' || v === undefined ? 'false' : String(v).toLowerCase()),
  z.enum(['1', '0', 'true', 'false', 'yes', 'no'], { message: 'must be 1/0, true/false or yes/no' }).transform((v) => ['1', 'true', 'yes'].includes(v)),
);

/** Every option, with its environment variable name and what it does. */
export const configEnvSchema = z.object({
  /** Runtime environment; `production` switches logs to plain JSON. */
  NODE_ENV: z.preprocess((v) => (v === '' ? undefined : v), z.enum(NODE_ENVS).default('development')),
  /** HTTP port of the API and web UI. */
  PORT: integer(0, 65_535, 3000),
  /** Interface the HTTP server binds to; containers set 0.0.0.0. */
  HOST: z.preprocess((v) => (v === '' || v === undefined ? '127.0.0.1' : v), z.string().min(1)),
  /** PostgreSQL connection URL. Unset: embedded PGlite in RECON_DATA_DIR. */
  DATABASE_URL: urlWithProtocols(['postgres', 'postgresql']),
  /** Redis URL for BullMQ queues. Unset: jobs and schedules run in-process. */
  REDIS_URL: urlWithProtocols(['redis', 'rediss']),
  /** Folder for embedded data (PGlite databases, dropped files). */
  RECON_DATA_DIR: z.preprocess((v) => (v === '' || v === undefined ? '.data' : v), z.string().min(1)),
  /** OpenAI-compatible endpoint (OpenAI, Azure OpenAI, vLLM, Ollama, llama.cpp). Unset: rules only. */
  LLM_BASE_URL: urlWithProtocols(['http', 'https']),
  /** API key for the LLM endpoint; many local servers need none. */
  LLM_API_KEY: optionalString,
  /** Model name sent to the LLM endpoint. */
  LLM_MODEL: z.preprocess((v) => (v === '' || v === undefined ? 'gpt-4o-mini' : v), z.string().min(1)),
  /** Per-request LLM timeout in milliseconds. */
  LLM_TIMEOUT_MS: integer(100, 600_000, 30_000),
  /** Retries per LLM call before falling back to rules (≤ 2 for non-OpenAI endpoints). */
  LLM_MAX_RETRIES: integer(0, 5, 2),
  /** How answers are asked for: tool calls (`function_calling`, OpenAI, vLLM, most Ollama models) or JSON output (`json_mode`, llama.cpp server and models without tools). */
  LLM_STRUCTURED_OUTPUT: z.preprocess((v) => (v === '' || v === undefined ? 'function_calling' : v), z.enum(['function_calling', 'json_mode'], { message: 'must be function_calling or json_mode' })),
  /** Concurrent LLM calls per run. */
  LLM_CONCURRENCY: integer(1, 64, 4),
  /** Agent mode; unset: `hybrid` when LLM_BASE_URL is set, `rules` otherwise. */
  RECON_MODE: z.preprocess((v) => (v === '' ? undefined : v), z.enum(AGENT_MODES).optional()),
  /** LLM price in USD per million prompt tokens (decimal), for the cost per run. */
  LLM_PRICE_PROMPT_PER_MTOK: decimalText('0'),
  /** LLM price in USD per million completion tokens (decimal). */
  LLM_PRICE_COMPLETION_PER_MTOK: decimalText('0'),
  /** Breaks per LLM call: larger batches spend fewer prompt tokens per break, smaller ones fail less at once. */
  RECON_LLM_BATCH_SIZE: integer(1, 200, 20),
  /** Hybrid mode: rules answers below this confidence (0–1) also go to the LLM. */
  RECON_HYBRID_THRESHOLD: z.preprocess((v) => (v === '' || v === undefined ? 0.8 : v), z.coerce.number({ message: 'must be a number from 0 to 1' }).min(0, { message: 'must be a number from 0 to 1' }).max(1, { message: 'must be a number from 0 to 1' })),
  /** Auto-approve verified, agreed suggestions up to this amount at stake (decimal); unset: auto-approval off. */
  RECON_AUTO_APPROVE_MAX_AMOUNT: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^\d+(\.\d+)?$/, { message: 'must be a non-negative decimal such as 50.00' }).optional()),
  /** Maker-checker: above this amount at stake (decimal), two different approvers are needed; unset: one. */
  RECON_APPLY_MODE: z.enum(['inline', 'queue']).default('inline'),
  RECON_TWO_APPROVER_ABOVE: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^\d+(\.\d+)?$/, { message: 'must be a non-negative decimal such as 10000.00' }).optional()),
  /** Largest file accepted by POST /api/imports, in megabytes (larger: 413). */
  RECON_MAX_UPLOAD_MB: integer(1, 4096, 50),
  /** Browser origins allowed to call the API cross-origin (comma-separated); unset: same origin only. */
  RECON_CORS_ORIGINS: originList,
  /** API requests per minute per token (per client address without one); over it: 429. 0 turns the limit off. */
  RECON_RATE_LIMIT_PER_MINUTE: integer(0, 1_000_000, 600),
  /** Jobs one worker process runs at once. */
  WORKER_CONCURRENCY: integer(1, 64, 2),
  /** Port of each worker process's own `/metrics` (and `/livez`); 0 picks a free one. */
  RECON_WORKER_METRICS_PORT: integer(0, 65_535, 9465),
  /** Prefix of every BullMQ key in Redis, so installations (or test runs) can share one Redis. */
  RECON_QUEUE_PREFIX: z.preprocess((v) => (v === '' || v === undefined ? 'recon' : v), z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1–64 letters, digits, dashes or underscores' })),
  /** How long a worker holds a job without renewing its lock, ms; a dead worker's job is taken over after about this long. */
  RECON_JOB_LOCK_MS: integer(1000, 600_000, 30_000),
  /** pino log level. */
  LOG_LEVEL: z.preprocess((v) => (v === '' || v === undefined ? 'info' : v), z.enum(LOG_LEVELS)),
  /** Tests: fail instead of skipping when PostgreSQL, Redis or Chromium are missing (set by CI). */
  RECON_REQUIRE_SERVICES: flag,
});

export type ConfigEnv = z.input<typeof configEnvSchema>;

export interface Config {
  readonly env: (typeof NODE_ENVS)[number];
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  readonly dataDir: string;
  readonly llm: {
    readonly baseUrl: string | undefined;
    readonly apiKey: string | undefined;
    readonly model: string;
    readonly timeoutMs: number;
    readonly maxRetries: number;
    readonly concurrency: number;
    readonly structuredOutput: 'function_calling' | 'json_mode';
    /** USD per million tokens, decimal strings. */
    readonly price: { readonly promptPerMTok: string; readonly completionPerMTok: string };
  };
  readonly hybridThreshold: number;
  readonly llmBatchSize: number;
  /** Decimal string; undefined: one approver is enough at any amount. */
  readonly twoApproverAbove: string | undefined;
  /** inline: an approval applies in its own transaction; queue: it commits as approved and the apply queue applies it. */
  readonly applyMode: 'inline' | 'queue';
  /** Decimal string; undefined: auto-approval off. */
  readonly autoApproveMaxAmount: string | undefined;
  readonly mode: (typeof AGENT_MODES)[number];
  readonly workerConcurrency: number;
  readonly workerMetricsPort: number;
  readonly queuePrefix: string;
  readonly jobLockMs: number;
  readonly maxUploadBytes: number;
  /** Normalised origins; empty: same origin only. */
  readonly corsOrigins: readonly string[];
  /** 0: no limit. */
  readonly rateLimitPerMinute: number;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly requireServices: boolean;
}

/**
 * Parses an environment-like object. Collects every problem before failing, so
 * an operator fixes the configuration in one go.
 */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const result = configEnvSchema.safeParse(env);
  if (!result.success) {
    const issues: ErrorIssue[] = result.error.issues.map((i) => ({
      field: String(i.path[0] ?? ''),
      message: i.message,
    }));
    const list = issues.map((i) => `  - ${i.field}: ${i.message}`).join('\n');
    throw new AppError('config_invalid', `Invalid configuration (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${list}`, { issues });
  }
  const e = result.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dataDir: e.RECON_DATA_DIR,
    llm: {
      baseUrl: e.LLM_BASE_URL,
      apiKey: e.LLM_API_KEY,
      model: e.LLM_MODEL,
      timeoutMs: e.LLM_TIMEOUT_MS,
      maxRetries: e.LLM_MAX_RETRIES,
      concurrency: e.LLM_CONCURRENCY,
      structuredOutput: e.LLM_STRUCTURED_OUTPUT,
      price: { promptPerMTok: e.LLM_PRICE_PROMPT_PER_MTOK, completionPerMTok: e.LLM_PRICE_COMPLETION_PER_MTOK },
    },
    hybridThreshold: e.RECON_HYBRID_THRESHOLD,
    llmBatchSize: e.RECON_LLM_BATCH_SIZE,
    autoApproveMaxAmount: e.RECON_AUTO_APPROVE_MAX_AMOUNT,
    twoApproverAbove: e.RECON_TWO_APPROVER_ABOVE,
    applyMode: e.RECON_APPLY_MODE,
    mode: e.RECON_MODE ?? (e.LLM_BASE_URL ? 'hybrid' : 'rules'),
    workerConcurrency: e.WORKER_CONCURRENCY,
    workerMetricsPort: e.RECON_WORKER_METRICS_PORT,
    queuePrefix: e.RECON_QUEUE_PREFIX,
    jobLockMs: e.RECON_JOB_LOCK_MS,
    maxUploadBytes: e.RECON_MAX_UPLOAD_MB * 1024 * 1024,
    corsOrigins: e.RECON_CORS_ORIGINS,
    rateLimitPerMinute: e.RECON_RATE_LIMIT_PER_MINUTE,
    logLevel: e.LOG_LEVEL,
    requireServices: e.RECON_REQUIRE_SERVICES,
  };
}

/** Names of the variables, for documentation and `.env.example`. */
export const CONFIG_VARIABLES = Object.keys(configEnvSchema.shape) as (keyof typeof configEnvSchema.shape)[];
