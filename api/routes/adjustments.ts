/**
 * Adjustments: the journal entries applied resolutions produced, listed in
 * cursor pages (viewer), and exported as CSV for the ERP (approver). An
 * export claims what it sends (`exportedAt`), so the next export holds only
 * newer entries; `?all=1` sends every entry again (first export times kept).
 */
import { z } from 'zod';
import { isoDateSchema } from '../../core/dates/iso-date.ts';
import { EFFECT_KINDS } from '../../core/statuses.ts';
import { ACCOUNT_ROLES } from '../../core/taxonomy/account-roles.ts';
import { exportAdjustments, listAdjustments } from '../../db/repositories/adjustments-repository.ts';
import type { ApiDeps } from '../api-deps.ts';
import { defineRoute, type RouteSpec } from '../routing/route.ts';
import { booleanQuery, pageCursor, pageLimit, pageSchema } from './list-query.ts';

const range = {
  reconciliation: z.string().min(1).max(100).optional(),
  from: isoDateSchema.optional().describe('Created on or after this day (UTC)'),
  to: isoDateSchema.optional().describe('Created on or before this day (UTC)'),
};

// ISO days compare as text; a 400 on query.from like any other field's.
const inOrder = (q: { from?: string | undefined; to?: string | undefined }) => !q.from || !q.to || q.from <= q.to;
const outOfOrder = { message: 'from is after to', path: ['from'] };

const listQuery = z
  .object({
    ...range,
    exported: booleanQuery.optional().describe('true: already exported; false: waiting for the next export'),
    exception: z.uuid().optional(),
    limit: pageLimit,
    cursor: pageCursor,
  })
  .refine(inOrder, outOfOrder);

const exportQuery = z.object({ ...range, all: z.enum(['0', '1', 'true', 'false']).optional().transform((v) => v === '1' || v === 'true').describe('1: export every entry again, not only new ones') }).refine(inOrder, outOfOrder);

const lineSchema = z.object({ id: z.string(), lineNo: z.number(), accountRole: z.enum(ACCOUNT_ROLES).nullable(), glCode: z.string(), amount: z.string(), description: z.string().nullable() });
const itemSchema = z.object({
  id: z.string(),
  exceptionId: z.string(),
  decisionId: z.string(),
  kind: z.enum(EFFECT_KINDS),
  currency: z.string().nullable(),
  memo: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  reconciliationId: z.string().nullable(),
  asOf: z.string(),
  createdAt: z.string(),
  exportedAt: z.string().nullable(),
  lines: z.array(lineSchema),
});

export function adjustmentRoutes(deps: ApiDeps): RouteSpec[] {
  const db = deps.db.db;
  return [
    defineRoute({
      method: 'get',
      path: '/adjustments',
      role: 'viewer',
      summary: 'Adjustments with their journal lines, newest first, in cursor pages',
      tag: 'adjustments',
      query: listQuery,
      responses: { 200: { description: 'One page of adjustments', schema: pageSchema(itemSchema) }, 400: { description: 'Invalid filter or cursor' }, 401: { description: 'No token' } },
      handler: async ({ query: q }) => {
        const page = await listAdjustments(db, { filter: { exported: q.exported, reconciliationId: q.reconciliation, exceptionId: q.exception, from: q.from, to: q.to }, limit: q.limit, cursor: q.cursor });
        return { items: page.items.map((a) => ({ ...a, createdAt: a.createdAt.toISOString(), exportedAt: a.exportedAt?.toISOString() ?? null })), nextCursor: page.nextCursor };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/adjustments/export.csv',
      role: 'approver',
      summary: 'CSV for the ERP: one line per journal line of the entries not exported yet (or all with ?all=1); marks them exported',
      tag: 'adjustments',
      query: exportQuery,
      responses: {
        200: { description: 'entry_id, line_no, date, gl_code, account_role, amount, currency, memo, exception_id', contentType: 'text/csv' },
        400: { description: 'Invalid filter' },
        401: { description: 'No token' },
        403: { description: 'Role too small' },
      },
      handler: async ({ query: q, user, c }) => {
        const now = deps.clock();
        const result = await exportAdjustments(db, { all: q.all, filter: { reconciliationId: q.reconciliation, from: q.from, to: q.to }, actor: user!.id, now });
        const stamp = now.toISOString().replace(/[:.]/g, '-');
        return c.body(result.csv, 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="adjustments-${stamp}.csv"`,
          'x-recon-entries': String(result.entries),
          'x-recon-lines': String(result.lines),
        });
      },
    }),
  ];
}
