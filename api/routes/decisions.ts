/**
 * Decisions: approve, edit, reject, escalate, apply and bulk approve, each
 * through the review state machine (core/review/review-machine.ts) and
 * maker-checker (core/review/maker-checker.ts). Answers: 404 unknown
 * exception, 409 a decision the current state does not take (or a stale
 * `expectedVersion`, or an unverified suggestion) with the current status
 * and version in `details`, 403 an approval maker-checker refuses (own edit,
 * second approval by the same person).
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { approveRequestSchema, bulkApproveRequestSchema, editRequestSchema, reasonRequestSchema } from '../../core/review/decision-requests.ts';
import { EXCEPTION_STATUSES } from '../../core/statuses.ts';
import { applyException } from '../../db/repositories/apply-repository.ts';
import { approveAndApply, bulkApprove, summarizeApply } from '../../db/repositories/decisions-approval-flow.ts';
import { editException } from '../../db/repositories/decisions-edit.ts';
import { decideWithReason } from '../../db/repositories/decisions-repository.ts';
import type { Logger } from '../../monitoring/logger.ts';
import type { ApiDeps } from '../api-deps.ts';
import type { AuthUser } from '../auth/roles.ts';
import { defineRoute, type ResponseSpec, type RouteSpec } from '../routing/route.ts';

const params = z.object({ id: z.uuid() });

const exceptionState = z.object({ id: z.string(), status: z.enum(EXCEPTION_STATUSES), version: z.number(), currentSuggestionVersion: z.number().nullable() });
const decisionInfo = z.object({ id: z.string(), kind: z.enum(['approve', 'edit', 'reject', 'escalate']), suggestionVersion: z.number().nullable() });
const applySummary = z.object({
  status: z.enum(['applied', 'apply_failed', 'not_applied', 'queued']).describe('queued: approved, and the apply queue applies it (RECON_APPLY_MODE=queue)'),
  adjustmentId: z.string().nullable().optional(),
  matchGroupId: z.string().nullable().optional(),
  reason: z.string().optional(),
  decisionId: z.string().optional(),
});
const decisionResponse = z.object({ exception: exceptionState, decision: decisionInfo, from: z.enum(EXCEPTION_STATUSES) });
const approveResponse = decisionResponse.extend({ approvals: z.object({ have: z.number(), need: z.number() }), complete: z.boolean(), apply: applySummary.optional() });

const refusals = (extra: Record<number, ResponseSpec> = {}): Record<number, ResponseSpec> => ({
  400: { description: 'Invalid id or body (every field listed)' },
  401: { description: 'No token' },
  403: { description: 'Role too small' },
  404: { description: 'No such exception' },
  409: { description: 'The current state does not take this decision, or expectedVersion is stale; details hold the current status and version' },
  ...extra,
});

/** The declared routes always set the user on non-public routes. */
const actor = (user: AuthUser | undefined): string => user!.id;

export function decisionRoutes(deps: ApiDeps): RouteSpec[] {
  const db = deps.db.db;
  const twoApproverAbove = deps.review.twoApproverAbove;
  const log = deps.logger.child({ component: 'decisions' });
  // Called once the decision's transaction committed, so the count is of applies that happened.
  const applies = deps.applies;
  /** After the commit: the queued applies go to the apply queue; one that cannot be queued stays approved, for POST …/apply. */
  const queueApplies = async (c: Context, items: readonly { exceptionId: string; decisionId: string; actorId: string }[]) => {
    if (!applies || items.length === 0) return;
    await applies.enqueue(items).catch((error: unknown) => ((c.get('logger') as Logger | undefined) ?? log).error({ err: error, exceptions: items.length }, 'approved, but the applies could not be queued; POST /api/exceptions/:id/apply applies them'));
  };
  const logApply = (exceptionId: string, apply: { status: string; reason?: string } | undefined) => {
    if (apply) deps.metrics?.applyOutcomes.inc({ outcome: apply.status });
    if (apply?.status === 'apply_failed') log.warn({ exceptionId, reason: apply.reason }, 'apply failed');
  };
  /** One line per committed decision, on the request's logger (so with its requestId) and the exception's id. */
  const recorded = <R extends { exception: { id: string; status: string }; from?: string; decision?: { kind: string } }>(c: Context, result: R): R => {
    const logger = (c.get('logger') as Logger | undefined) ?? log;
    logger.info({ exceptionId: result.exception.id, decision: result.decision?.kind ?? 'apply', from: result.from, to: result.exception.status }, 'decision recorded');
    return result;
  };
  return [
    defineRoute({
      method: 'post',
      path: '/exceptions/:id/approve',
      role: 'approver',
      summary: 'Approve the current suggestion version; applies it when the approvals are complete',
      tag: 'decisions',
      params,
      body: approveRequestSchema.default({}),
      responses: { 200: { description: 'Approval recorded (and applied, or one of two approvals)', schema: approveResponse }, ...refusals({ 403: { description: 'Role too small, own edit, or second approval by the same person' } }) },
      handler: async ({ params: p, body, user, c }) => {
        const result = await approveAndApply(db, { exceptionId: p.id, actorId: actor(user), expectedVersion: body.expectedVersion, comment: body.comment, twoApproverAbove, now: deps.clock(), deferApply: applies !== undefined });
        if (result.apply?.status === 'queued') await queueApplies(c, [{ exceptionId: p.id, decisionId: result.apply.decisionId, actorId: actor(user) }]);
        logApply(p.id, result.apply);
        return recorded(c, result);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/exceptions/:id/edit',
      role: 'reviewer',
      summary: 'Write a new suggestion version (verified against the break before it is stored)',
      tag: 'decisions',
      params,
      body: editRequestSchema,
      responses: { 200: { description: 'New version stored; the exception is edited', schema: decisionResponse }, ...refusals({ 400: { description: 'Invalid body, or the resolution does not verify (each failed check an issue)' } }) },
      handler: async ({ params: p, body, user, c }) =>
        recorded(c, await editException(db, { exceptionId: p.id, actorId: actor(user), expectedVersion: body.expectedVersion, resolution: body.resolution, type: body.type, cause: body.cause, rationale: body.rationale, now: deps.clock() })),
    }),
    defineRoute({
      method: 'post',
      path: '/exceptions/:id/reject',
      role: 'reviewer',
      summary: 'Reject the current suggestion (a reason is required)',
      tag: 'decisions',
      params,
      body: reasonRequestSchema,
      responses: { 200: { description: 'Rejected', schema: decisionResponse }, ...refusals() },
      handler: async ({ params: p, body, user, c }) => recorded(c, await decideWithReason(db, 'reject', { exceptionId: p.id, actorId: actor(user), expectedVersion: body.expectedVersion, reason: body.reason, now: deps.clock() })),
    }),
    defineRoute({
      method: 'post',
      path: '/exceptions/:id/escalate',
      role: 'reviewer',
      summary: 'Escalate the exception to a senior person (a reason is required)',
      tag: 'decisions',
      params,
      body: reasonRequestSchema,
      responses: { 200: { description: 'Escalated', schema: decisionResponse }, ...refusals() },
      handler: async ({ params: p, body, user, c }) => recorded(c, await decideWithReason(db, 'escalate', { exceptionId: p.id, actorId: actor(user), expectedVersion: body.expectedVersion, reason: body.reason, now: deps.clock() })),
    }),
    defineRoute({
      method: 'post',
      path: '/exceptions/:id/apply',
      role: 'approver',
      summary: 'Apply an approved exception, or retry a failed apply',
      tag: 'decisions',
      params,
      responses: {
        200: { description: 'Applied, or apply_failed with the reason (nothing else changed)', schema: z.object({ exception: exceptionState, apply: applySummary }) },
        ...refusals({ 409: { description: 'The exception is not approved nor apply_failed; details hold the current status' } }),
      },
      handler: async ({ params: p, user, c }) => {
        const outcome = await applyException(db, { exceptionId: p.id, actorId: actor(user), now: deps.clock() });
        const apply = summarizeApply(outcome);
        logApply(p.id, apply);
        return recorded(c, { exception: outcome.exception, apply });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/decisions/bulk-approve',
      role: 'approver',
      summary: 'Approve many exceptions by id and/or queue filters; verified suggestions only, the rest skipped with the reason',
      tag: 'decisions',
      body: bulkApproveRequestSchema,
      responses: {
        200: {
          description: 'What was approved (and applied), what awaits a second approver, and what was skipped and why',
          schema: z.object({ approved: z.array(z.object({ id: z.string(), status: z.string(), version: z.number(), apply: applySummary.optional() })), pending: z.array(z.object({ id: z.string(), status: z.string(), version: z.number(), approvals: z.object({ have: z.number(), need: z.number() }) })), skipped: z.array(z.object({ id: z.string(), reason: z.string(), message: z.string(), status: z.string().optional() })), remaining: z.number() }),
        },
        400: { description: 'Invalid body (ids or a filter are required)' },
        401: { description: 'No token' },
        403: { description: 'Role too small' },
      },
      handler: async ({ body, user, c }) => {
        const result = await bulkApprove(db, { ids: body.ids, filter: body.filter, actorId: actor(user), comment: body.comment, twoApproverAbove, now: deps.clock, deferApply: applies !== undefined });
        await queueApplies(c, result.approved.flatMap((a) => (a.apply?.status === 'queued' ? [{ exceptionId: a.id, decisionId: a.apply.decisionId, actorId: actor(user) }] : [])));
        for (const a of result.approved) logApply(a.id, a.apply);
        ((c.get('logger') as Logger | undefined) ?? log).info({ approved: result.approved.length, pending: result.pending.length, skipped: result.skipped.length }, 'bulk approval recorded');
        return result;
      },
    }),
  ];
}
