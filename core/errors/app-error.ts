/**
 * The one error type of Recon. Every failure that crosses a boundary is an
 * `AppError` with a code from a closed list; each edge translates codes once
 * (HTTP status in `api/`, retry vs unrecoverable in `worker/`, fallback in
 * `agents/`).
 */

/** Each code with whether retrying the same operation may succeed. */
export const ERROR_CODES = {
  config_invalid: { retryable: false },
  validation_failed: { retryable: false },
  parse_failed: { retryable: false },
  not_found: { retryable: false },
  conflict: { retryable: false },
  illegal_transition: { retryable: false },
  duplicate_import: { retryable: false },
  payload_too_large: { retryable: false },
  unauthorized: { retryable: false },
  forbidden: { retryable: false },
  /** Too many requests for this token or address; retry after the window (Retry-After). */
  rate_limited: { retryable: true },
  unbalanced: { retryable: false },
  db_unavailable: { retryable: true },
  redis_unavailable: { retryable: true },
  llm_unavailable: { retryable: true },
  llm_timeout: { retryable: true },
  llm_rate_limited: { retryable: true },
  llm_invalid_output: { retryable: false },
  internal: { retryable: false },
} as const satisfies Record<string, { retryable: boolean }>;

export type ErrorCode = keyof typeof ERROR_CODES;
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];

/** One problem inside an input: where (path, line) and what. */
export interface ErrorIssue {
  readonly path?: string;
  readonly line?: number;
  readonly field?: string;
  readonly message: string;
}

export interface AppErrorOptions {
  readonly details?: Readonly<Record<string, unknown>>;
  readonly issues?: readonly ErrorIssue[];
  readonly cause?: unknown;
  /** Overrides the code's default, e.g. a conflict that is worth one retry. */
  readonly retryable?: boolean;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly details: Readonly<Record<string, unknown>>;
  readonly issues: readonly ErrorIssue[];

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? ERROR_CODES[code].retryable;
    this.details = options.details ?? {};
    this.issues = options.issues ?? [];
  }

  toJSON(): { code: ErrorCode; message: string; retryable: boolean; details: Readonly<Record<string, unknown>>; issues: readonly ErrorIssue[] } {
    return { code: this.code, message: this.message, retryable: this.retryable, details: this.details, issues: this.issues };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Wraps anything thrown into an AppError, keeping AppErrors as they are. */
export function toAppError(value: unknown): AppError {
  if (value instanceof AppError) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new AppError('internal', message, { cause: value });
}
