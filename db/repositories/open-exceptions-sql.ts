/**
 * What "open", "how old" and "how it was decided" mean wherever the queue is
 * summed up — the dashboard and the `/metrics` gauges read the same
 * definitions, so their figures agree.
 */
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { ExceptionStatus } from '../../core/statuses.ts';
import { exceptions } from '../schema/exceptions.ts';

/** Waiting for someone: everything but approved (its effects are being applied) and applied. */
export const OPEN_EXCEPTION_STATUSES = ['open', 'suggested', 'edited', 'escalated', 'rejected', 'apply_failed'] as const satisfies readonly ExceptionStatus[];

export const isOpenException: SQL = inArray(exceptions.status, [...OPEN_EXCEPTION_STATUSES]);

/** Age of an open exception since it was raised, in days: [from, to). */
export const AGE_BUCKETS = [
  { bucket: '0-1d', fromDays: 0, toDays: 1 },
  { bucket: '1-3d', fromDays: 1, toDays: 3 },
  { bucket: '3-7d', fromDays: 3, toDays: 7 },
  { bucket: '7-30d', fromDays: 7, toDays: 30 },
  { bucket: '30d+', fromDays: 30, toDays: null },
] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number]['bucket'];

/** The exception's age bucket at `now`. Literals, not parameters: the buckets are constants, and PostgreSQL cannot type a parameter a `case` only returns. */
export function ageBucketSql(now: Date): SQL<AgeBucket> {
  const age = sql`(${now.toISOString()}::timestamptz - ${exceptions.openedAt})`;
  const cases = AGE_BUCKETS.map((b) => (b.toDays === null ? sql`else ${sql.raw(`'${b.bucket}'`)}` : sql`when ${age} < ${sql.raw(`interval '${b.toDays} days' then '${b.bucket}'`)}`));
  return sql<AgeBucket>`case ${sql.join(cases, sql` `)} end`;
}

export const DECISION_OUTCOMES = ['approved', 'edited', 'rejected'] as const;

/**
 * One exception's outcome over its decisions `d` (use with `group by` the
 * exception): any edit means the suggestion was not taken as it was; else a
 * rejection; else an approval (by a person or the policy); null while
 * nobody decided.
 */
export const DECISION_OUTCOME_SQL = sql.raw(`case
  when bool_or(d.kind = 'edit') then 'edited'
  when bool_or(d.kind = 'reject') then 'rejected'
  when bool_or(d.kind in ('approve', 'auto_approve')) then 'approved'
end`);
