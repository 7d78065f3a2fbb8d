/**
 * Every LLM failure leaves the adapter as an `AppError` whose
 * `details.fallbackReason` says why the rules answered instead; the graph
 * only ever looks at that reason. Raw errors from the OpenAI SDK and
 * LangChain are classified here, in one place.
 */
import { AppError, type ErrorCode } from '../../core/errors/app-error.ts';
import { FALLBACK_REASONS, type FallbackReason } from '../../core/statuses.ts';

const CODE_BY_REASON: Readonly<Record<FallbackReason, ErrorCode>> = {
  timeout: 'llm_timeout',
  rate_limited: 'llm_rate_limited',
  server_error: 'llm_unavailable',
  circuit_open: 'llm_unavailable',
  not_configured: 'llm_unavailable',
  invalid_output: 'llm_invalid_output',
  unknown_ids: 'llm_invalid_output',
  unknown_labels: 'llm_invalid_output',
};

export interface LlmErrorDetails {
  readonly [key: string]: unknown;
}

export function llmError(reason: FallbackReason, message: string, details: LlmErrorDetails = {}, cause?: unknown): AppError {
  // Not configured is permanent until someone sets LLM_BASE_URL; retrying is pointless.
  const retryable = reason === 'not_configured' ? false : undefined;
  return new AppError(CODE_BY_REASON[reason], message, {
    details: { ...details, fallbackReason: reason },
    ...(cause === undefined ? {} : { cause }),
    ...(retryable === undefined ? {} : { retryable }),
  });
}

const isReason = (value: unknown): value is FallbackReason => typeof value === 'string' && (FALLBACK_REASONS as readonly string[]).includes(value);

interface ErrorLike {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly status?: unknown;
  readonly code?: unknown;
  readonly lc_error_code?: unknown;
  readonly cause?: unknown;
}

function statusOf(e: ErrorLike): number | undefined {
  return typeof e.status === 'number' ? e.status : undefined;
}

/** What kind of failure a raw SDK / LangChain / network error is. */
export function classifyLlmFailure(error: unknown): FallbackReason {
  if (!error || typeof error !== 'object') return 'server_error';
  const e = error as ErrorLike;
  const name = typeof e.name === 'string' ? e.name : '';
  const message = typeof e.message === 'string' ? e.message : '';
  const status = statusOf(e);
  if (name === 'TimeoutError' || name === 'APIConnectionTimeoutError' || /timed? ?out/i.test(message)) return 'timeout';
  if (status === 429 || e.lc_error_code === 'MODEL_RATE_LIMIT' || name.startsWith('RateLimit') || name === 'InsufficientQuotaError') return 'rate_limited';
  if (e.cause && e.cause !== error && typeof e.cause === 'object' && !status) {
    const inner = classifyLlmFailure(e.cause);
    if (inner !== 'server_error') return inner;
  }
  return 'server_error';
}

/** The fallback reason of anything an LLM call threw. */
export function fallbackReasonOf(error: unknown): FallbackReason {
  if (error instanceof AppError) {
    if (isReason(error.details.fallbackReason)) return error.details.fallbackReason;
    if (error.code === 'llm_timeout') return 'timeout';
    if (error.code === 'llm_rate_limited') return 'rate_limited';
    if (error.code === 'llm_invalid_output') return 'invalid_output';
    return 'server_error';
  }
  return classifyLlmFailure(error);
}

/** Wraps a raw failure (keeping AppErrors) into the adapter's error. */
export function toLlmError(error: unknown, details: LlmErrorDetails = {}): AppError {
  if (error instanceof AppError && isReason(error.details.fallbackReason)) return error;
  const reason = classifyLlmFailure(error);
  const raw = error instanceof Error ? error.message : String(error);
  const status = error && typeof error === 'object' ? statusOf(error as ErrorLike) : undefined;
  const what = reason === 'timeout' ? 'timed out' : reason === 'rate_limited' ? 'was rate limited' : 'failed';
  return llmError(reason, `LLM call ${what}: ${raw.slice(0, 300)}`, { ...details, ...(status ? { status } : {}) }, error);
}

/** Failures that say the endpoint is unhealthy (what the circuit breaker counts). */
export function isAvailabilityFailure(error: unknown): boolean {
  const reason = fallbackReasonOf(error);
  return reason === 'timeout' || reason === 'rate_limited' || reason === 'server_error';
}
