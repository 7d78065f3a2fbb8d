/**
 * Middleware factory: a size limit on request bodies before anything reads
 * them. Multipart uploads (imports) may be as large as the upload limit, every
 * other body (JSON) only `jsonBytes`; over it the answer is 413 with the
 * standard error body. The limit counts streamed bytes too, so a missing or
 * false Content-Length does not get a large body through.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../core/errors/app-error.ts';

export interface BodyLimitOptions {
  readonly jsonBytes: number;
  readonly uploadBytes: number;
}

function describe(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round((bytes / 1024) * 10) / 10} KB`;
}

function limit(maxSize: number, what: string): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError('payload_too_large', `The ${what} is larger than the limit of ${describe(maxSize)}`, { details: { limitBytes: maxSize } });
    },
  });
}

export function bodyLimits(options: BodyLimitOptions): MiddlewareHandler {
  const json = limit(options.jsonBytes, 'request body');
  const upload = limit(options.uploadBytes, 'upload');
  return (c, next) => {
    const type = c.req.header('content-type')?.toLowerCase() ?? '';
    return type.startsWith('multipart/form-data') ? upload(c, next) : json(c, next);
  };
}
