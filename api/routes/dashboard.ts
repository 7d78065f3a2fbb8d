/**
 * `GET /api/dashboard`: the figures the dashboard charts — match rate and LLM
 * cost per night over a range of as-of dates, open exceptions by type and
 * age, money at risk, and how suggestions fared per source. Money is decimal
 * strings; counts are integers.
 */
import { z } from 'zod';
import { daysBetween, isoDateSchema } from '../../core/dates/iso-date.ts';
import { SUGGESTION_SOURCES } from '../../core/statuses.ts';
import { BREAK_TYPES } from '../../core/taxonomy/index.ts';
import { AGE_BUCKETS, dashboardFigures, dashboardRange } from '../../db/repositories/dashboard-query.ts';
import type { ApiDeps } from '../api-deps.ts';
import { defineRoute, type RouteSpec } from '../routing/route.ts';

const MAX_NIGHTS = 366;

const querySchema = z
  .object({
    from: isoDateSchema.optional().describe('First as-of date (inclusive)'),
    to: isoDateSchema.optional().describe('Last as-of date (inclusive); omitted: the newest run’s as-of date'),
    nights: z.coerce.number().int().min(1).max(MAX_NIGHTS).default(30).describe('Nights up to `to` when `from` is omitted (1–366, default 30)'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => !q.from || !q.to || daysBetween(q.from, q.to) < MAX_NIGHTS, { message: `at most ${MAX_NIGHTS} nights`, path: ['from'] });

const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/).describe('Decimal string');
const night = isoDateSchema.describe('As-of date');

export const dashboardSchema = z.object({
  range: z.object({ from: isoDateSchema, to: isoDateSchema }),
  matchRate: z
    .array(z.object({ night, matchedRecords: z.number().int(), totalRecords: z.number().int(), runs: z.number().int() }))
    .describe('Per night with a completed run: the latest run of each reconciliation'),
  llmCost: z.array(z.object({ night, cost: decimalString.describe('USD'), tokensIn: z.number().int(), tokensOut: z.number().int(), runs: z.number().int() })).describe('Per night, every run'),
  openByType: z.array(z.object({ type: z.enum(BREAK_TYPES), count: z.number().int() })),
  openByAge: z.array(z.object({ bucket: z.enum(AGE_BUCKETS.map((b) => b.bucket) as [string, ...string[]]), count: z.number().int() })).describe('Every bucket, youngest first'),
  moneyAtRisk: z.array(z.object({ currency: z.string().length(3), amount: decimalString, count: z.number().int() })).describe('Sum of open exceptions’ amounts at stake, per currency'),
  decisionsBySource: z
    .array(z.object({ source: z.enum(SUGGESTION_SOURCES.filter((s) => s !== 'human') as [string, ...string[]]), approved: z.number().int(), edited: z.number().int(), rejected: z.number().int() }))
    .describe('Decided exceptions of the range by their first suggestion’s source: approved as it was, edited, rejected'),
});

export function dashboardRoutes(deps: ApiDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/dashboard',
      role: 'viewer',
      summary: 'Dashboard figures: match rate and LLM cost per night, open exceptions by type and age, money at risk, outcomes per source',
      tag: 'dashboard',
      query: querySchema,
      responses: { 200: { description: 'The figures', schema: dashboardSchema } },
      handler: async ({ query }) => {
        const now = deps.clock();
        const range = await dashboardRange(deps.db.db, query, now.toISOString().slice(0, 10));
        return dashboardFigures(deps.db.db, range, now);
      },
    }),
  ];
}
