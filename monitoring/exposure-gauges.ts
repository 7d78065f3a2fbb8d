/**
 * Gauges read from the database when Prometheus scrapes: open exceptions by
 * type and age bucket, money at risk, decisions on the agents' suggestions,
 * the last completed run, database connections. A scrape asks the injected
 * `load` (set-wise queries, `db/repositories/metrics-snapshot.ts`) at most
 * once per `cacheMs`, however many gauges and scrapers ask; a failed load
 * keeps the last figures and is reported to `onError`. Registered by the API
 * process only, so replicas of the worker do not repeat the same figures.
 */
import { Gauge } from 'prom-client';
import type { ReconMetrics } from './metrics-registry.ts';

export interface ExposureSnapshot {
  readonly openExceptions: readonly { type: string; age: string; count: number }[];
  readonly moneyAtRisk: readonly { type: string; currency: string; amount: string }[];
  readonly decisions: readonly { source: string; outcome: string; count: number }[];
  readonly lastCompletedRunAt: Date | null;
  readonly connections: readonly { state: string; count: number }[];
  /** Scheduled reconciliations, and those whose latest scheduled time passed with no run (the caller reads the cron). */
  readonly schedules?: { readonly total: number; readonly overdue: number };
}

export interface ExposureGaugeOptions {
  /** Default 15 s: a scrape interval, so several scrapers cost one set of queries. */
  readonly cacheMs?: number;
  readonly now?: () => number;
  readonly onError?: (error: unknown) => void;
}

/** The names, for tests and dashboards. */
export const EXPOSURE_METRICS = ['recon_open_exceptions', 'recon_money_at_risk', 'recon_suggestion_decisions', 'recon_run_last_completed_timestamp_seconds', 'recon_db_connections', 'recon_schedules', 'recon_schedules_overdue'] as const;

export function registerExposureGauges(metrics: Pick<ReconMetrics, 'registry'>, load: () => Promise<ExposureSnapshot>, options: ExposureGaugeOptions = {}): void {
  const cacheMs = options.cacheMs ?? 15_000;
  const now = options.now ?? (() => Date.now());
  let last: ExposureSnapshot | undefined;
  let loadedAt = -Infinity;
  let pending: Promise<ExposureSnapshot | undefined> | undefined;

  function snapshot(): Promise<ExposureSnapshot | undefined> {
    if (now() - loadedAt < cacheMs) return Promise.resolve(last);
    pending ??= load()
      .then(
        (s) => {
          last = s;
          loadedAt = now();
          return s;
        },
        (error: unknown) => {
          options.onError?.(error);
          return last;
        },
      )
      .finally(() => {
        pending = undefined;
      });
    return pending;
  }

  // Registering again (a second server in one process) replaces the earlier gauges and their loader.
  for (const name of EXPOSURE_METRICS) metrics.registry.removeSingleMetric(name);
  const registers = [metrics.registry];
  /** Each gauge refills itself from the snapshot; label sets that disappeared are dropped. */
  function gauge<L extends string>(name: string, help: string, labelNames: readonly L[], fill: (g: Gauge<L>, s: ExposureSnapshot) => void): void {
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers,
      async collect() {
        const s = await snapshot();
        if (!s) return;
        this.reset();
        fill(this, s);
      },
    });
  }
  gauge('recon_open_exceptions', 'Exceptions waiting for someone, by break type and age bucket (0-1d, 1-3d, 3-7d, 7-30d, 30d+)', ['type', 'age'], (g, s) => {
    for (const r of s.openExceptions) g.set({ type: r.type, age: r.age }, r.count);
  });
  gauge('recon_money_at_risk', 'Amount at stake of open exceptions, by break type and currency (units of the currency)', ['type', 'currency'], (g, s) => {
    // A sample is a float by nature; the exact decimal stays in the database and the API.
    for (const r of s.moneyAtRisk) g.set({ type: r.type, currency: r.currency }, Number(r.amount));
  });
  gauge('recon_suggestion_decisions', 'Decided exceptions by the source of their first suggestion and outcome (approved, edited, rejected), all time', ['source', 'outcome'], (g, s) => {
    for (const r of s.decisions) g.set({ source: r.source, outcome: r.outcome }, r.count);
  });
  gauge('recon_run_last_completed_timestamp_seconds', 'When the last run completed (Unix seconds); 0 before any', [], (g, s) => {
    g.set(s.lastCompletedRunAt ? s.lastCompletedRunAt.getTime() / 1000 : 0);
  });
  gauge('recon_schedules', 'Enabled reconciliations with a schedule', [], (g, s) => {
    if (s.schedules) g.set(s.schedules.total);
  });
  gauge('recon_schedules_overdue', 'Scheduled reconciliations whose latest scheduled run (an hour of grace past its time) has not started', [], (g, s) => {
    if (s.schedules) g.set(s.schedules.overdue);
  });
  gauge('recon_db_connections', 'Connections to the database by state (PostgreSQL pg_stat_activity)', ['state'], (g, s) => {
    for (const r of s.connections) g.set({ state: r.state }, r.count);
  });
}
