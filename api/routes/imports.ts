/**
 * `POST /api/imports`: multipart upload of a statement or ledger file. The
 * whole file is imported or nothing; a repeated file is reported as a
 * duplicate; problems come back as 422 with every issue's line and field.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { AppError } from '../../core/errors/app-error.ts';
import { BUILT_IN_PROFILES, csvProfileSchema } from '../../core/ingest/csv/csv-profile.ts';
import { currencyCodeSchema } from '../../core/money/schemas.ts';
import { IMPORT_FORMATS, SIDES } from '../../core/statuses.ts';
import type { Database } from '../../db/client.ts';
import { importStatement } from '../../db/repositories/import-statement.ts';

const fieldsSchema = z.object({
  side: z.enum(SIDES, { message: 'side must be "external" or "internal"' }),
  format: z.enum(['auto', ...IMPORT_FORMATS.filter((f) => f !== 'json')]).default('auto'),
  account: z.string().trim().min(1).optional(),
  currency: currencyCodeSchema.optional(),
  /** A built-in profile name or a profile as JSON. */
  profile: z.string().optional(),
});

function profileFrom(spec: string | undefined) {
  if (!spec) return undefined;
  const builtIn = BUILT_IN_PROFILES[spec];
  if (builtIn) return builtIn;
  let json: unknown;
  try {
    json = JSON.parse(spec);
  } catch {
    throw new AppError('validation_failed', `profile must be "bank", "ledger" or a JSON profile`, { issues: [{ field: 'profile', message: 'not JSON' }] });
  }
  return csvProfileSchema.parse(json);
}

export function importRoutes(options: { db: Database; maxUploadBytes: number }): Hono {
  const app = new Hono();
  app.post(
    '/',
    bodyLimit({
      maxSize: options.maxUploadBytes,
      onError: () => {
        throw new AppError('payload_too_large', `The file is larger than the limit of ${Math.round(options.maxUploadBytes / 1024 / 1024)} MB`);
      },
    }),
    async (c) => {
      const form = await c.req.parseBody().catch(() => {
        throw new AppError('validation_failed', 'Expected a multipart/form-data upload with a "file" field');
      });
      const file = form.file;
      if (!(file instanceof File)) throw new AppError('validation_failed', 'Expected a "file" field with the statement file', { issues: [{ field: 'file', message: 'missing' }] });
      const fields = fieldsSchema.parse({
        side: form.side,
        format: form.format || undefined,
        account: form.account || undefined,
        currency: typeof form.currency === 'string' && form.currency ? form.currency.toUpperCase() : undefined,
        profile: form.profile || undefined,
      });
      const profile = profileFrom(fields.profile);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await importStatement(options.db, bytes, {
        fileName: file.name || 'upload',
        format: fields.format,
        side: fields.side,
        ...(fields.account ? { account: fields.account } : {}),
        ...(fields.currency ? { defaultCurrency: fields.currency } : {}),
        ...(profile ? { profile } : {}),
        createdBy: 'api',
      });
      return c.json(result, result.status === 'stored' ? 201 : 200);
    },
  );
  return app;
}
