/**
 * Why an LLM call did not give a usable answer, as a fallback reason. The
 * LLM adapter puts the reason on its `AppError`; anything else is read from
 * the error code, and an unknown failure counts as a server error.
 */
import { isAppError } from '../../core/errors/app-error.ts';
import { FALLBACK_REASONS, type FallbackReason } from '../../core/statuses.ts';

const BY_CODE: Partial<Record<string, FallbackReason>> = {
  llm_timeout: 'timeout',
  llm_rate_limited: 'rate_limited',
  llm_unavailable: 'server_error',
  llm_invalid_output: 'invalid_output',
};

export function reasonOfFailure(error: unknown): FallbackReason {
  if (isAppError(error)) {
    const stated = error.details.fallbackReason;
    if (typeof stated === 'string' && (FALLBACK_REASONS as readonly string[]).includes(stated)) return stated as FallbackReason;
    return BY_CODE[error.code] ?? 'server_error';
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timeout';
  return 'server_error';
}
