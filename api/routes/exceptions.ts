/** Exceptions: the review queue (filters, sort, cursor pages) and one exception in full. */
import { z } from 'zod';
import { AppError } from '../../core/errors/app-error.ts';
import { EXCEPTION_STATUSES, SUGGESTION_SOURCES } from '../../core/statuses.ts';
import { ACTION_INFO, BREAK_TYPE_INFO, BREAK_TYPES, ROOT_CAUSE_INFO, ROOT_CAUSES } from '../../core/taxonomy/index.ts';
import { exceptionDetail } from '../../db/repositories/exceptions-detail.ts';
import { listExceptions, type ExceptionFilter } from '../../db/repositories/exceptions-query.ts';
import type { RecordRow } from '../../db/schema/records.ts';
import type { SuggestionRow } from '../../db/schema/suggestions.ts';
import type { ApiDeps } from '../api-deps.ts';
import { defineRoute, type RouteSpec } from '../routing/route.ts';
import { booleanQuery, decimalQuery, multiValue, pageCursor, pageLimit, pageSchema } from './list-query.ts';

const DAY_MS = 86_400_000;
const confidenceQuery = decimalQuery.refine((v) => Number(v) <= 1, { message: 'a confidence is between 0 and 1' });

const listQuery = z.object({
  status: multiValue(z.enum(EXCEPTION_STATUSES)).describe('One or several statuses (repeat the key or separate by commas)'),
  type: multiValue(z.enum(BREAK_TYPES)),
  cause: multiValue(z.enum(ROOT_CAUSES)),
  account: multiValue(z.string().min(1).max(100)),
  source: multiValue(z.enum(SUGGESTION_SOURCES)),
  run: z.uuid().optional().describe('Only the exceptions of this run'),
  reconciliation: z.string().min(1).max(100).optional(),
  verified: booleanQuery.optional(),
  minConfidence: confidenceQuery.optional(),
  maxConfidence: confidenceQuery.optional(),
  minAmount: decimalQuery.optional().describe('Amount at stake at least this (inclusive, decimal string)'),
  maxAmount: decimalQuery.optional(),
  openedAfter: z.iso.datetime({ offset: true }).optional().describe('Opened strictly after this instant'),
  openedBefore: z.iso.datetime({ offset: true }).optional().describe('Opened strictly before this instant'),
  minAgeDays: z.coerce.number().int().min(0).max(36_500).optional().describe('Open for at least this many whole days'),
  maxAgeDays: z.coerce.number().int().min(0).max(36_500).optional().describe('Open for at most this many whole days'),
  sort: z
    .enum(['openedAt', 'age', 'amount', 'confidence'])
    .default('openedAt')
    .transform((s) => (s === 'age' ? ('openedAt' as const) : s))
    .describe('openedAt (alias age), amount or confidence; ties are broken by id'),
  order: z.enum(['asc', 'desc']).default('asc').describe('asc (oldest, smallest, least sure first) or desc'),
  limit: pageLimit,
  cursor: pageCursor,
});
type ListQuery = z.output<typeof listQuery>;

const itemSchema = z.object({
  id: z.uuid(),
  status: z.enum(EXCEPTION_STATUSES),
  type: z.enum(BREAK_TYPES),
  typeLabel: z.string(),
  cause: z.enum(ROOT_CAUSES).nullable(),
  account: z.string(),
  currency: z.string(),
  amount: z.string().describe('Gross amount at stake, never negative'),
  difference: z.string(),
  confidence: z.string().nullable(),
  source: z.enum(SUGGESTION_SOURCES).nullable(),
  verified: z.boolean(),
  openedAt: z.string(),
  ageDays: z.number().int(),
  action: z.string().nullable(),
  suggestedAction: z.string().nullable().describe('The current suggestion’s action in words'),
  runId: z.uuid(),
  reconciliationId: z.string().nullable(),
  asOf: z.string(),
  assignee: z.string().nullable(),
  version: z.number().int().describe('Send back with a decision; a stale version is a conflict'),
  suggestionVersion: z.number().int().nullable(),
});

function filterOf(q: ListQuery, now: Date): ExceptionFilter {
  const issues = [];
  if (q.minAmount && q.maxAmount && Number(q.minAmount) > Number(q.maxAmount)) issues.push({ field: 'query.minAmount', message: 'minAmount is above maxAmount' });
  if (q.minConfidence && q.maxConfidence && Number(q.minConfidence) > Number(q.maxConfidence)) issues.push({ field: 'query.minConfidence', message: 'minConfidence is above maxConfidence' });
  if (issues.length > 0) throw new AppError('validation_failed', 'The request is not valid', { issues });
  return {
    ...(q.status ? { statuses: q.status } : {}),
    ...(q.type ? { types: q.type } : {}),
    ...(q.cause ? { causes: q.cause } : {}),
    ...(q.account ? { accounts: q.account } : {}),
    ...(q.source ? { sources: q.source } : {}),
    ...(q.run ? { runId: q.run } : {}),
    ...(q.reconciliation ? { reconciliationId: q.reconciliation } : {}),
    ...(q.verified !== undefined ? { verified: q.verified } : {}),
    ...(q.minConfidence ? { minConfidence: q.minConfidence } : {}),
    ...(q.maxConfidence ? { maxConfidence: q.maxConfidence } : {}),
    ...(q.minAmount ? { minAmount: q.minAmount } : {}),
    ...(q.maxAmount ? { maxAmount: q.maxAmount } : {}),
    ...(q.openedAfter ? { openedAfter: new Date(q.openedAfter) } : {}),
    ...(q.openedBefore ? { openedBefore: new Date(q.openedBefore) } : {}),
    // Age in whole days: at least N days ⇔ opened at or before now − N days; at most M ⇔ after now − (M+1) days.
    ...(q.minAgeDays !== undefined ? { openedAtMost: new Date(now.getTime() - q.minAgeDays * DAY_MS) } : {}),
    ...(q.maxAgeDays !== undefined ? { openedAfter: laterOf(q.openedAfter, new Date(now.getTime() - (q.maxAgeDays + 1) * DAY_MS)) } : {}),
  };
}

function laterOf(iso: string | undefined, date: Date): Date {
  return iso && new Date(iso) > date ? new Date(iso) : date;
}

const ageDays = (openedAt: Date, now: Date) => Math.max(0, Math.floor((now.getTime() - openedAt.getTime()) / DAY_MS));

const recordView = (r: RecordRow) => ({ ...r, currency: r.currency.trim() });
const suggestionView = (s: SuggestionRow) => ({ ...s, actionLabel: ACTION_INFO[s.action].label, causeLabel: ROOT_CAUSE_INFO[s.cause].label, typeLabel: BREAK_TYPE_INFO[s.type].label });

export function exceptionRoutes(deps: ApiDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/exceptions',
      role: 'viewer',
      summary: 'The review queue: filter, sort, cursor pages',
      tag: 'exceptions',
      query: listQuery,
      responses: { 200: { description: 'One page of exceptions', schema: pageSchema(itemSchema) } },
      handler: async ({ query, c }) => {
        const now = deps.clock();
        const page = await listExceptions(deps.db.planned, { filter: filterOf(query, now), sort: query.sort, order: query.order, limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) }, now);
        // The items arrive as JSON text from the database; wrapping them by hand keeps them from being parsed and re-serialised.
        return c.body(`{"items":${page.itemsJson},"nextCursor":${JSON.stringify(page.nextCursor)}}`, 200, { 'content-type': 'application/json' });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/exceptions/:id',
      role: 'viewer',
      summary: 'One exception: both sides’ records, differences, evidence, suggestions, decisions, effects',
      tag: 'exceptions',
      params: z.object({ id: z.uuid() }),
      responses: { 200: { description: 'The exception in full' }, 404: { description: 'No exception with this id' } },
      handler: async ({ params }) => {
        const detail = await exceptionDetail(deps.db.db, params.id);
        if (!detail) throw new AppError('not_found', `No exception ${params.id}`);
        const e = detail.exception;
        const now = deps.clock();
        return {
          exception: {
            ...e,
            currency: e.currency.trim(),
            typeLabel: BREAK_TYPE_INFO[e.type].label,
            causeLabel: e.cause ? ROOT_CAUSE_INFO[e.cause].label : null,
            ageDays: ageDays(e.openedAt, now),
            suggestedAction: detail.suggestion ? ACTION_INFO[detail.suggestion.action].label : null,
          },
          records: { external: detail.records.external.map(recordView), internal: detail.records.internal.map(recordView) },
          fieldDiffs: detail.fieldDiffs,
          totals: detail.totals,
          evidence: { match: e.evidence, suggestion: detail.suggestion?.evidence ?? [] },
          suggestion: detail.suggestion ? suggestionView(detail.suggestion) : null,
          versions: detail.versions.map(suggestionView),
          decisions: detail.decisions,
          effects: detail.effects.map((a) => ({ ...a, currency: a.currency?.trim() ?? null })),
        };
      },
    }),
  ];
}
