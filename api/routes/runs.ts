/** Runs: start, list, detail with stats, live progress over Server-Sent Events. */
import { z } from 'zod';
import { isoDateSchema } from '../../core/dates/iso-date.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { AGENT_MODES, RUN_STATUSES } from '../../core/statuses.ts';
import { listRuns, runById } from '../../db/repositories/runs-query.ts';
import type { ApiDeps } from '../api-deps.ts';
import { defineRoute, type RouteSpec } from '../routing/route.ts';
import { multiValue, pageCursor, pageLimit } from './list-query.ts';
import { runEventStream, type RunEventTimings } from './runs-events.ts';
import { runDetailView, runDurations } from './runs-view.ts';

const startBody = z.object({
  reconciliationId: z.string().min(1).max(100),
  asOf: isoDateSchema,
  mode: z.enum(AGENT_MODES).optional().describe('Agent mode; omitted: the reconciliation’s, else the server default'),
});

const listQuery = z.object({
  reconciliation: z.string().min(1).max(100).optional(),
  status: multiValue(z.enum(RUN_STATUSES)),
  limit: pageLimit,
  cursor: pageCursor,
});

const idParams = z.object({ id: z.uuid() });

export function runRoutes(deps: ApiDeps, timings?: RunEventTimings): RouteSpec[] {
  const found = async (id: string) => {
    const run = await runById(deps.db.db, id);
    if (!run) throw new AppError('not_found', `No run ${id}`);
    return run;
  };
  return [
    defineRoute({
      method: 'post',
      path: '/runs',
      // Starting a run writes suggestions (and, by policy, auto-approvals) into the queue: approvers decide when.
      role: 'approver',
      summary: 'Start a run of a reconciliation for an as-of date',
      tag: 'runs',
      body: startBody,
      responses: {
        202: { description: 'Accepted: the run id; follow it at /api/runs/{id}/events', schema: z.object({ runId: z.uuid() }) },
        404: { description: 'No such reconciliation' },
        503: { description: 'This server cannot start runs (no run launcher)' },
      },
      handler: async ({ body, user }) => {
        if (!deps.runs) throw new AppError('redis_unavailable', 'This server cannot start runs: it has no run launcher (no worker queue and no in-process runner)', { details: { reason: 'no_run_launcher' } });
        return deps.runs.start({ reconciliationId: body.reconciliationId, asOf: body.asOf, ...(body.mode ? { mode: body.mode } : {}), requestedBy: user!.id });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/runs',
      role: 'viewer',
      summary: 'Runs, newest first',
      tag: 'runs',
      query: listQuery,
      responses: { 200: { description: 'One page of runs' } },
      handler: async ({ query }) => {
        const page = await listRuns(deps.db.db, {
          filter: { ...(query.reconciliation ? { reconciliationId: query.reconciliation } : {}), ...(query.status ? { statuses: query.status } : {}) },
          limit: query.limit,
          ...(query.cursor ? { cursor: query.cursor } : {}),
        });
        const now = deps.clock();
        return { items: page.items.map((r) => ({ ...r, ...runDurations(r, now) })), nextCursor: page.nextCursor };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/runs/:id',
      role: 'viewer',
      summary: 'One run: stats, tokens, cost, durations, its exceptions by status',
      tag: 'runs',
      params: idParams,
      responses: { 200: { description: 'The run' }, 404: { description: 'No run with this id' } },
      handler: async ({ params }) => {
        return runDetailView(deps.db.db, await found(params.id), deps.clock());
      },
    }),
    defineRoute({
      method: 'get',
      path: '/runs/:id/events',
      role: 'viewer',
      summary: 'Live progress (Server-Sent Events: progress …, then done or failed)',
      tag: 'runs',
      params: idParams,
      responses: { 200: { description: 'An event stream', contentType: 'text/event-stream' }, 404: { description: 'No run with this id' } },
      handler: async ({ params, c }) => runEventStream(deps, c, await found(params.id), timings),
    }),
  ];
}
