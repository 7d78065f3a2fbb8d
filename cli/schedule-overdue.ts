/**
 * Which scheduled reconciliations missed their latest run: the cron's most
 * recent time at least `graceMs` ago has no run made at or after it. Read
 * at scrape time for `recon_schedules_overdue`; the cron is read here (the
 * entry point may use cron-parser, monitoring and db do not).
 */
import { CronExpressionParser } from 'cron-parser';

export interface ScheduleRow {
  readonly schedule: string;
  readonly timezone: string;
  readonly lastRunAt: Date | null;
}

/** An hour: a nightly run may wait behind others in the queue before it starts. */
export const OVERDUE_GRACE_MS = 60 * 60 * 1000;

export function countOverdue(rows: readonly ScheduleRow[], now: Date, graceMs = OVERDUE_GRACE_MS): { total: number; overdue: number } {
  let overdue = 0;
  for (const row of rows) {
    let due: Date;
    try {
      due = CronExpressionParser.parse(row.schedule, { tz: row.timezone, currentDate: new Date(now.getTime() - graceMs) }).prev().toDate();
    } catch {
      // A schedule the worker cannot read either never runs: that is overdue.
      overdue += 1;
      continue;
    }
    if (!row.lastRunAt || row.lastRunAt.getTime() < due.getTime()) overdue += 1;
  }
  return { total: rows.length, overdue };
}
