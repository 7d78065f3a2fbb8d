/**
 * The figures `/metrics` reads from the database at scrape time, each one
 * set-wise aggregate (a handful of rows leave the database, whatever its
 * size): open exceptions by type and age bucket, the money at stake per type
 * and currency, how people decided on the agents' suggestions, the last
 * completed run, the server's connections, and the scheduled reconciliations'
 * latest runs. Same meanings as the
 * dashboard's: open is waiting for someone, a decision outcome is judged per
 * exception against its first suggestion.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { resultRows } from '../result-rows.ts';
import { ageBucketSql, DECISION_OUTCOME_SQL, isOpenException } from './open-exceptions-sql.ts';


export interface MetricsSnapshot {
  readonly openExceptions: readonly { type: string; age: string; count: number }[];
  /** Decimal strings; per currency, since amounts in different currencies never add up. */
  readonly moneyAtRisk: readonly { type: string; currency: string; amount: string }[];
  readonly decisions: readonly { source: string; outcome: string; count: number }[];
  readonly lastCompletedRunAt: Date | null;
  /** PostgreSQL only (`pg_stat_activity` of this database); empty on PGlite. */
  readonly connections: readonly { state: string; count: number }[];
  /** Enabled, scheduled reconciliations with when their latest run was made (no ids: the caller only counts). */
  readonly schedules: readonly { schedule: string; timezone: string; lastRunAt: Date | null }[];
}

async function openExceptions(db: Database, now: Date): Promise<MetricsSnapshot['openExceptions']> {
  const rows = resultRows<{ type: string; age: string; count: number | string }>(
    await db.execute(sql`
      select type::text as type,
        ${ageBucketSql(now)} as age,
        count(*)::int as count
      from exceptions
      where ${isOpenException}
      group by 1, 2
      order by 1, 2
    `),
  );
  return rows.map((r) => ({ type: r.type, age: r.age, count: Number(r.count) }));
}

async function moneyAtRisk(db: Database): Promise<MetricsSnapshot['moneyAtRisk']> {
  const rows = resultRows<{ type: string; currency: string; amount: string }>(
    await db.execute(sql`
      select type::text as type, currency::text as currency, sum(amount)::text as amount
      from exceptions
      where ${isOpenException}
      group by 1, 2
      order by 1, 2
    `),
  );
  return rows.map((r) => ({ type: r.type, currency: r.currency.trim(), amount: String(r.amount) }));
}

async function decisions(db: Database): Promise<MetricsSnapshot['decisions']> {
  const rows = resultRows<{ source: string; outcome: string; count: number | string }>(
    await db.execute(sql`
      with outcomes as (
        select d.exception_id as id,
          ${DECISION_OUTCOME_SQL} as outcome
        from decisions d
        group by d.exception_id
      )
      select s.source::text as source, o.outcome, count(*)::int as count
      from outcomes o
      join suggestions s on s.exception_id = o.id and s.version = 1
      where o.outcome is not null and s.source <> 'human'
      group by 1, 2
      order by 1, 2
    `),
  );
  return rows.map((r) => ({ source: r.source, outcome: r.outcome, count: Number(r.count) }));
}

async function lastCompletedRunAt(db: Database): Promise<Date | null> {
  const [row] = resultRows<{ at: string | Date | null }>(await db.execute(sql`select max(finished_at) as at from runs where status = 'completed'`));
  return row?.at ? new Date(row.at) : null;
}

async function connections(db: Database, kind: 'postgres' | 'pglite'): Promise<MetricsSnapshot['connections']> {
  if (kind !== 'postgres') return [];
  const rows = resultRows<{ state: string; count: number | string }>(
    await db.execute(sql`
      select coalesce(state, 'unknown') as state, count(*)::int as count
      from pg_stat_activity
      where datname = current_database() and backend_type = 'client backend'
      group by 1
      order by 1
    `),
  );
  return rows.map((r) => ({ state: r.state, count: Number(r.count) }));
}

async function schedules(db: Database): Promise<MetricsSnapshot['schedules']> {
  const rows = resultRows<{ schedule: string; timezone: string; last_run: string | Date | null }>(
    await db.execute(sql`
      select r.schedule, r.timezone, max(coalesce(runs.started_at, runs.created_at)) as last_run
      from reconciliations r
      left join runs on runs.reconciliation_id = r.id
      where r.enabled and r.schedule is not null
      group by r.id, r.schedule, r.timezone
    `),
  );
  return rows.map((r) => ({ schedule: r.schedule, timezone: r.timezone, lastRunAt: r.last_run ? new Date(r.last_run) : null }));
}

export async function metricsSnapshot(db: Database, kind: 'postgres' | 'pglite', now: Date): Promise<MetricsSnapshot> {
  // One after another: PGlite serves one query at a time, and the pool should not be taken over by a scrape.
  const open = await openExceptions(db, now);
  const money = await moneyAtRisk(db);
  const decided = await decisions(db);
  const lastRun = await lastCompletedRunAt(db);
  const conns = await connections(db, kind);
  const scheduled = await schedules(db);
  return { openExceptions: open, moneyAtRisk: money, decisions: decided, lastCompletedRunAt: lastRun, connections: conns, schedules: scheduled };
}
