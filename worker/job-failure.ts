/**
 * The worker's one translation of errors: whether a failed attempt is worth
 * another. An `AppError` says so itself (`retryable`: the database or an LLM
 * was unavailable); a payload that does not parse, a missing or misconfigured
 * reconciliation, a refused plan are final at once. Anything else is unknown —
 * a dropped connection surfaces as a plain Error — and gets the attempts left.
 */
import { ZodError } from 'zod';
import { isAppError } from '../core/errors/app-error.ts';

export type FailureKind = 'retry' | 'unrecoverable';

export function failureKind(error: unknown): FailureKind {
  if (error instanceof ZodError) return 'unrecoverable';
  if (isAppError(error)) return error.retryable ? 'retry' : 'unrecoverable';
  return 'retry';
}

/** The reason stored with a failed job: the message, with every zod issue's path. */
export function failureReason(error: unknown): string {
  if (error instanceof ZodError) return `invalid payload: ${error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`;
  return error instanceof Error ? error.message : String(error);
}
