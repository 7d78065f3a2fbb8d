/**
 * The API's single `onError`: every failure leaves as the same JSON shape,
 * `{ error: { code, message, details?, issues? } }`, with the status mapped once.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { AppError, type ErrorCode } from '../../core/errors/app-error.ts';
import type { Logger } from '../../monitoring/logger.ts';
import { HTTP_STATUS_BY_CODE } from './http-status.ts';

export interface ErrorBody {
  readonly error: {
    readonly code: ErrorCode;
    readonly message: string;
    readonly details?: Readonly<Record<string, unknown>>;
    readonly issues?: readonly { path?: string; line?: number; field?: string; message: string }[];
    readonly requestId?: string;
  };
}

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status >= 400 && status < 500) return 'validation_failed';
  return 'internal';
}

export function toAppErrorForHttp(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError('validation_failed', 'The request is not valid', {
      issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  if (error instanceof HTTPException) return new AppError(codeForStatus(error.status), error.message || 'Request failed');
  return new AppError('internal', 'Internal server error', { cause: error });
}

export function errorHandler(logger: Logger) {
  return (error: Error, c: Context) => {
    const appError = toAppErrorForHttp(error);
    const status = HTTP_STATUS_BY_CODE[appError.code];
    const requestId = c.get('requestId') as string | undefined;
    if (status >= 500) logger.error({ err: error, requestId, code: appError.code }, 'request failed');
    else logger.debug({ requestId, code: appError.code, msg: appError.message }, 'request refused');
    const body: ErrorBody = {
      error: {
        code: appError.code,
        // Internal details stay in the log; the client gets a stable message.
        message: appError.code === 'internal' ? 'Internal server error' : appError.message,
        ...(Object.keys(appError.details).length > 0 ? { details: appError.details } : {}),
        ...(appError.issues.length > 0 ? { issues: appError.issues } : {}),
        ...(requestId ? { requestId } : {}),
      },
    };
    return c.json(body, status);
  };
}
