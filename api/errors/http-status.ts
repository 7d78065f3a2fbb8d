/** The one translation of AppError codes into HTTP statuses. */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../../core/errors/app-error.ts';

export const HTTP_STATUS_BY_CODE: Readonly<Record<ErrorCode, ContentfulStatusCode>> = {
  config_invalid: 500,
  validation_failed: 400,
  parse_failed: 422,
  not_found: 404,
  conflict: 409,
  illegal_transition: 409,
  duplicate_import: 409,
  payload_too_large: 413,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  unbalanced: 422,
  db_unavailable: 503,
  redis_unavailable: 503,
  llm_unavailable: 503,
  llm_timeout: 504,
  llm_rate_limited: 429,
  llm_invalid_output: 502,
  internal: 500,
};
