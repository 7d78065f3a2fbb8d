/**
 * Imports: `POST /api/imports` uploads a statement or ledger file
 * (multipart). The whole file is imported or nothing; a repeated file is
 * reported as a duplicate; problems come back as 422 with every issue's line
 * and field. The list and detail show what each upload stored and warned of.
 */
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { AppError } from '../../core/errors/app-error.ts';
import { BUILT_IN_PROFILES, csvProfileSchema } from '../../core/ingest/csv/csv-profile.ts';
import { currencyCodeSchema } from '../../core/money/schemas.ts';
import { IMPORT_FORMATS, IMPORT_STATUSES, SIDES } from '../../core/statuses.ts';
import { importStatement } from '../../db/repositories/import-statement.ts';
import { importById, listImports } from '../../db/repositories/imports-query.ts';
import type { ApiDeps } from '../api-deps.ts';
import type { AuthUser } from '../auth/roles.ts';
import { defineRoute, type RouteSpec } from '../routing/route.ts';
import { pageCursor, pageLimit } from './list-query.ts';

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

async function upload(deps: ApiDeps, c: Context, user: AuthUser): Promise<Response> {
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
  const result = await importStatement(deps.db.db, bytes, {
    fileName: file.name || 'upload',
    format: fields.format,
    side: fields.side,
    ...(fields.account ? { account: fields.account } : {}),
    ...(fields.currency ? { defaultCurrency: fields.currency } : {}),
    ...(profile ? { profile } : {}),
    createdBy: user.id,
  });
  return c.json(result, result.status === 'stored' ? 201 : 200);
}

const listQuery = z.object({
  side: z.enum(SIDES).optional(),
  account: z.string().min(1).max(100).optional(),
  status: z.enum(IMPORT_STATUSES).optional(),
  format: z.enum(IMPORT_FORMATS).optional(),
  limit: pageLimit,
  cursor: pageCursor,
});

export function importRoutes(deps: ApiDeps): RouteSpec[] {
  // The limit reads the body before the form parser does, so an oversized upload is refused before it is buffered whole.
  const limit = bodyLimit({
    maxSize: deps.maxUploadBytes,
    onError: () => {
      throw new AppError('payload_too_large', `The file is larger than the limit of ${Math.round(deps.maxUploadBytes / 1024 / 1024)} MB`);
    },
  });
  return [
    defineRoute({
      method: 'post',
      path: '/imports',
      role: 'reviewer',
      summary: 'Upload a statement or ledger file (multipart: file, side, format?, account?, currency?, profile?)',
      tag: 'imports',
      bodyContentType: 'multipart/form-data',
      responses: {
        201: { description: 'Stored: the import id, format, record count and per-statement balance checks' },
        200: { description: 'The same file was imported before: that import' },
        400: { description: 'A field is missing or invalid' },
        413: { description: 'The file is over the upload limit' },
        422: { description: 'The file cannot be read: every issue with its line and field; nothing was stored' },
      },
      handler: async ({ c, user }) => {
        let response: Response | undefined;
        await limit(c, async () => {
          response = await upload(deps, c, user!);
        });
        return response!;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/imports',
      role: 'viewer',
      summary: 'Imports, newest first, with record, warning and error counts',
      tag: 'imports',
      query: listQuery,
      responses: { 200: { description: 'One page of imports' } },
      handler: async ({ query }) => {
        const { limit: size, cursor, ...filter } = query;
        return listImports(deps.db.db, { filter, limit: size, ...(cursor ? { cursor } : {}) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/imports/:id',
      role: 'viewer',
      summary: 'One import with its warnings and errors',
      tag: 'imports',
      params: z.object({ id: z.uuid() }),
      responses: { 200: { description: 'The import' }, 404: { description: 'No import with this id' } },
      handler: async ({ params }) => {
        const row = await importById(deps.db.db, params.id);
        if (!row) throw new AppError('not_found', `No import ${params.id}`);
        return row;
      },
    }),
  ];
}
