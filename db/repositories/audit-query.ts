/**
 * Reading the audit log: filters on entity, actor, action and time, paged by
 * the chain's sequence number (keyset: fast on any page, stable while new
 * entries arrive, since entries never change).
 */
import { and, asc, desc, eq, gt, gte, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AuditEntityType } from '../../core/statuses.ts';
import type { Database } from '../client.ts';
import { auditLog, type AuditEntry } from '../schema/audit-log.ts';

export interface AuditFilter {
  readonly entityType?: AuditEntityType;
  readonly entityId?: string;
  /** Entries about one exception: its own, and those (decisions, suggestions, effects) whose payload names it. */
  readonly exceptionId?: string;
  readonly actor?: string;
  /** Exact, or a prefix when it ends with `*` (`decision.*`). */
  readonly action?: string;
  /** Inclusive. */
  readonly from?: Date;
  /** Exclusive. */
  readonly to?: Date;
  /** Newest first (default) or in chain order. */
  readonly order?: 'asc' | 'desc';
  /** The last seq of the previous page. */
  readonly afterSeq?: number;
  readonly limit: number;
}

export interface AuditPage {
  readonly items: AuditEntry[];
  /** The seq to continue after; null on the last page. */
  readonly nextSeq: number | null;
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

export async function queryAudit(db: Database, filter: AuditFilter): Promise<AuditPage> {
  const order = filter.order ?? 'desc';
  const where: SQL[] = [];
  if (filter.entityType) where.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) where.push(eq(auditLog.entityId, filter.entityId));
  if (filter.exceptionId) {
    const own = and(eq(auditLog.entityType, 'exception'), eq(auditLog.entityId, filter.exceptionId))!;
    where.push(or(own, sql`${auditLog.payload} ->> 'exceptionId' = ${filter.exceptionId}`)!);
  }
  if (filter.actor) where.push(eq(auditLog.actor, filter.actor));
  if (filter.action) where.push(filter.action.endsWith('*') ? like(auditLog.action, `${likeEscape(filter.action.slice(0, -1))}%`) : eq(auditLog.action, filter.action));
  if (filter.from) where.push(gte(auditLog.at, filter.from));
  if (filter.to) where.push(lt(auditLog.at, filter.to));
  if (filter.afterSeq !== undefined) where.push(order === 'desc' ? lt(auditLog.seq, filter.afterSeq) : gt(auditLog.seq, filter.afterSeq));
  // One row more than the page tells whether another page follows.
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(order === 'desc' ? desc(auditLog.seq) : asc(auditLog.seq))
    .limit(filter.limit + 1);
  const items = rows.slice(0, filter.limit);
  return { items, nextSeq: rows.length > filter.limit ? items[items.length - 1]!.seq : null };
}
