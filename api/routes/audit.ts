/**
 * Audit log: filter entries (approvers and admins: the log shows who decided
 * and administered what), and verify the hash chain (admins).
 */
import { z } from 'zod';
import { AUDIT_ENTITY_TYPES } from '../../core/statuses.ts';
import { queryAudit } from '../../db/repositories/audit-query.ts';
import { verifyAuditChain } from '../../db/repositories/audit-repository.ts';
import type { ApiDeps } from '../api-deps.ts';
import { defineRoute, type RouteSpec } from '../routing/route.ts';

const entrySchema = z.object({
  seq: z.number().int(),
  at: z.string().describe('ISO 8601 time'),
  actor: z.string(),
  action: z.string(),
  entityType: z.enum(AUDIT_ENTITY_TYPES),
  entityId: z.string(),
  payload: z.record(z.string(), z.unknown()),
  prevHash: z.string().nullable(),
  hash: z.string(),
});

const querySchema = z
  .object({
    entityType: z.enum(AUDIT_ENTITY_TYPES).optional(),
    entityId: z.string().min(1).max(200).optional(),
    exception: z.string().min(1).max(200).optional().describe('Entries about this exception: its own, and the decisions, suggestions and effects that name it'),
    actor: z.string().min(1).max(200).optional(),
    action: z.string().min(1).max(100).optional().describe('Exact action, or a prefix ending in * (decision.*)'),
    from: z.iso.datetime({ offset: true }).optional().describe('Entries at or after this time'),
    to: z.iso.datetime({ offset: true }).optional().describe('Entries before this time'),
    order: z.enum(['asc', 'desc']).default('desc').describe('desc: newest first; asc: chain order'),
    cursor: z.string().regex(/^\d{1,15}$/, { message: 'expected the nextCursor of the previous page' }).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['to'] });

const verdictSchema = z.object({ ok: z.boolean(), entries: z.number().int(), brokenAt: z.number().int().optional(), reason: z.string().optional() });

export function auditRoutes(deps: ApiDeps): RouteSpec[] {
  const db = deps.db.db;
  return [
    defineRoute({
      method: 'get',
      path: '/audit',
      role: 'approver',
      summary: 'Audit log entries, newest first, filtered and paged by sequence number',
      tag: 'audit',
      query: querySchema,
      responses: { 200: { description: 'A page of entries', schema: z.object({ items: z.array(entrySchema), nextCursor: z.string().nullable() }) } },
      handler: async ({ query }) => {
        const page = await queryAudit(db, {
          ...(query.entityType ? { entityType: query.entityType } : {}),
          ...(query.entityId ? { entityId: query.entityId } : {}),
          ...(query.exception ? { exceptionId: query.exception } : {}),
          ...(query.actor ? { actor: query.actor } : {}),
          ...(query.action ? { action: query.action } : {}),
          ...(query.from ? { from: new Date(query.from) } : {}),
          ...(query.to ? { to: new Date(query.to) } : {}),
          ...(query.cursor ? { afterSeq: Number(query.cursor) } : {}),
          order: query.order,
          limit: query.limit,
        });
        return { items: page.items.map((e) => ({ ...e, at: e.at.toISOString() })), nextCursor: page.nextSeq === null ? null : String(page.nextSeq) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/audit/verify',
      role: 'admin',
      summary: 'Verify the hash chain: ok with the entry count, or the first broken link',
      tag: 'audit',
      responses: { 200: { description: 'The verdict (ok false names the first entry that does not hold)', schema: verdictSchema } },
      handler: () => verifyAuditChain(db),
    }),
  ];
}
