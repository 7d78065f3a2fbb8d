/**
 * The dashboard's figures, each one set-wise aggregate over runs, exceptions,
 * suggestions and decisions (no rows travel to the application to be
 * counted there):
 *
 * - match rate per night: the latest completed run of each reconciliation and
 *   as-of date (a rerun replaces the night's figure, it does not add to it),
 *   matched records over all records, summed per as-of date;
 * - LLM cost and tokens per night: every run of the night, reruns included,
 *   since their calls were paid for;
 * - open exceptions now, by type and by age bucket, and the money at stake
 *   per currency (amounts in different currencies never add up);
 * - how people decided on the agents' suggestions, per source of the first
 *   suggestion: approved as it was, edited first, or rejected.
 *
 * Money sums are `numeric` in the database and leave as decimal strings.
 */
import { and, asc, between, count, desc, eq, max, sql } from 'drizzle-orm';
import { addDays } from '../../core/dates/iso-date.ts';
import type { SuggestionSource } from '../../core/statuses.ts';
import type { BreakType } from '../../core/taxonomy/index.ts';
import type { Database } from '../client.ts';
import { resultRows } from '../result-rows.ts';
import { AGE_BUCKETS, ageBucketSql, DECISION_OUTCOME_SQL, isOpenException, type AgeBucket, type DECISION_OUTCOMES } from './open-exceptions-sql.ts';
import { exceptions } from '../schema/exceptions.ts';
import { runs } from '../schema/runs.ts';

export { AGE_BUCKETS, DECISION_OUTCOMES, OPEN_EXCEPTION_STATUSES, type AgeBucket } from './open-exceptions-sql.ts';

export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export interface DashboardRange {
  /** Inclusive as-of dates. */
  readonly from: string;
  readonly to: string;
}

export interface DashboardFigures {
  readonly range: DashboardRange;
  readonly matchRate: readonly { night: string; matchedRecords: number; totalRecords: number; runs: number }[];
  readonly llmCost: readonly { night: string; cost: string; tokensIn: number; tokensOut: number; runs: number }[];
  readonly openByType: readonly { type: BreakType; count: number }[];
  readonly openByAge: readonly { bucket: AgeBucket; count: number }[];
  readonly moneyAtRisk: readonly { currency: string; amount: string; count: number }[];
  readonly decisionsBySource: readonly { source: Exclude<SuggestionSource, 'human'>; approved: number; edited: number; rejected: number }[];
}

/**
 * The range the caller asked for: explicit dates, or the last `nights` nights
 * ending at the newest run's as-of date (today's date when there is no run),
 * so a dashboard over loaded history shows that history.
 */
export async function dashboardRange(db: Database, request: { from?: string; to?: string; nights: number }, today: string): Promise<DashboardRange> {
  if (request.from && request.to) return { from: request.from, to: request.to };
  let to = request.to;
  if (!to) {
    const [row] = await db.select({ latest: max(runs.asOf) }).from(runs);
    to = row?.latest ?? today;
  }
  return { from: request.from ?? addDays(to, -(request.nights - 1)), to };
}

const int = (expression: ReturnType<typeof sql>) => sql<number>`coalesce(${expression}, 0)::int`;

async function matchRatePerNight(db: Database, range: DashboardRange): Promise<DashboardFigures['matchRate']> {
  const match = (key: string) => sql`coalesce((${runs.stats} -> 'match' ->> ${sql.raw(`'${key}'`)})::int, 0)`;
  // Ad-hoc runs have no reconciliation: each stands for itself.
  const reconciliationKey = sql`coalesce(${runs.reconciliationId}, ${runs.id}::text)`;
  const latest = db
    .selectDistinctOn([reconciliationKey, runs.asOf], {
      night: runs.asOf,
      matched: sql<number>`${match('matchedRecords')}`.as('matched'),
      total: sql<number>`${match('externalRecords')} + ${match('internalRecords')}`.as('total'),
    })
    .from(runs)
    .where(and(eq(runs.status, 'completed'), between(runs.asOf, range.from, range.to)))
    .orderBy(reconciliationKey, runs.asOf, sql`${runs.finishedAt} desc nulls last`, desc(runs.createdAt))
    .as('latest');
  return db
    .select({ night: latest.night, matchedRecords: int(sql`sum(${latest.matched})`), totalRecords: int(sql`sum(${latest.total})`), runs: count() })
    .from(latest)
    .groupBy(latest.night)
    .orderBy(asc(latest.night));
}

async function llmCostPerNight(db: Database, range: DashboardRange): Promise<DashboardFigures['llmCost']> {
  return db
    .select({
      night: runs.asOf,
      cost: sql<string>`coalesce(sum(${runs.cost}), 0)::text`,
      tokensIn: int(sql`sum(${runs.tokensIn})`),
      tokensOut: int(sql`sum(${runs.tokensOut})`),
      runs: count(),
    })
    .from(runs)
    .where(between(runs.asOf, range.from, range.to))
    .groupBy(runs.asOf)
    .orderBy(asc(runs.asOf));
}

async function openByType(db: Database): Promise<DashboardFigures['openByType']> {
  // Most first; ties in the taxonomy's order (the enum's).
  return db.select({ type: exceptions.type, count: count() }).from(exceptions).where(isOpenException).groupBy(exceptions.type).orderBy(desc(count()), asc(exceptions.type));
}

async function openByAge(db: Database, now: Date): Promise<DashboardFigures['openByAge']> {
  const bucket = ageBucketSql(now);
  const rows = await db.select({ bucket: bucket.as('bucket'), count: count() }).from(exceptions).where(isOpenException).groupBy(sql`1`);
  const counts = new Map(rows.map((r) => [r.bucket, r.count]));
  // Every bucket, in age order, empty ones included: the chart's axis does not move as data arrives.
  return AGE_BUCKETS.map((b) => ({ bucket: b.bucket, count: counts.get(b.bucket) ?? 0 }));
}

async function moneyAtRisk(db: Database): Promise<DashboardFigures['moneyAtRisk']> {
  return db
    .select({ currency: exceptions.currency, amount: sql<string>`sum(${exceptions.amount})::text`, count: count() })
    .from(exceptions)
    .where(isOpenException)
    .groupBy(exceptions.currency)
    .orderBy(asc(exceptions.currency));
}

/**
 * One outcome per decided exception of the range, judged against its first
 * suggestion (the agent's): any edit means the suggestion was not taken as
 * it was; else a rejection; else an approval (by a person or the policy).
 * Exceptions nobody decided on yet, and those whose first suggestion a
 * person wrote, are not counted.
 */
async function decisionsBySource(db: Database, range: DashboardRange): Promise<DashboardFigures['decisionsBySource']> {
  const result = await db.execute(sql`
    with outcomes as (
      select e.id,
        ${DECISION_OUTCOME_SQL} as outcome
      from exceptions e
      join decisions d on d.exception_id = e.id
      where e.as_of between ${range.from} and ${range.to}
      group by e.id
    )
    select s.source::text as source,
      count(*) filter (where o.outcome = 'approved')::int as approved,
      count(*) filter (where o.outcome = 'edited')::int as edited,
      count(*) filter (where o.outcome = 'rejected')::int as rejected
    from outcomes o
    join suggestions s on s.exception_id = o.id and s.version = 1
    where o.outcome is not null and s.source <> 'human'
    group by s.source
    order by s.source
  `);
  return resultRows<DashboardFigures['decisionsBySource'][number]>(result).map((r) => ({ source: r.source, approved: Number(r.approved), edited: Number(r.edited), rejected: Number(r.rejected) }));
}

export async function dashboardFigures(db: Database, range: DashboardRange, now: Date): Promise<DashboardFigures> {
  // One after another: PGlite serves one query at a time anyway, and a pool of one would queue them.
  const matchRate = await matchRatePerNight(db, range);
  const llmCost = await llmCostPerNight(db, range);
  const byType = await openByType(db);
  const byAge = await openByAge(db, now);
  const money = await moneyAtRisk(db);
  const bySource = await decisionsBySource(db, range);
  return { range, matchRate, llmCost, openByType: byType, openByAge: byAge, moneyAtRisk: money, decisionsBySource: bySource };
}
