import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, ERROR_CODE_LIST } from '../../core/errors/app-error.ts';
import { createLogger } from '../../monitoring/logger.ts';
import { errorHandler } from './error-handler.ts';
import { HTTP_STATUS_BY_CODE } from './http-status.ts';

function appThrowing(error: unknown): Hono {
  const app = new Hono();
  app.onError(errorHandler(createLogger({ level: 'silent' })));
  app.get('/', () => {
    throw error;
  });
  return app;
}

describe('errorHandler', () => {
  it('maps every error code to its status with one JSON shape', async () => {
    for (const code of ERROR_CODE_LIST) {
      const res = await appThrowing(new AppError(code, `boom ${code}`)).request('/');
      expect(res.status, code).toBe(HTTP_STATUS_BY_CODE[code]);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe(code);
    }
  });

  it('keeps issues with where and what', async () => {
    const res = await appThrowing(
      new AppError('parse_failed', 'Cannot read the file', { issues: [{ line: 7, field: 'amount', message: 'not a number: "12,3x"' }] }),
    ).request('/');
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { issues: [{ line: 7, field: 'amount', message: 'not a number: "12,3x"' }] } });
  });

  it('turns zod errors into 400 validation_failed with paths', async () => {
    const parsed = z.object({ amount: z.string() }).safeParse({ amount: 1 });
    const res = await appThrowing(parsed.error).request('/');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'validation_failed', issues: [{ path: 'amount' }] } });
  });

  it('hides internal details of unexpected errors', async () => {
    const res = await appThrowing(new Error('password=hunter2 leaked')).request('/');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('hunter2');
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'internal', message: 'Internal server error' } });
  });

  it('maps HTTPException statuses', async () => {
    const res = await appThrowing(new HTTPException(401, { message: 'no token' })).request('/');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized', message: 'no token' } });
  });
});
