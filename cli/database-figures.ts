/** What the API's `/metrics` reads from the database at scrape time: the snapshot, with the schedules counted. */
import type { DatabaseHandle } from '../db/client.ts';
import { metricsSnapshot } from '../db/repositories/metrics-snapshot.ts';
import type { ExposureSnapshot } from '../monitoring/exposure-gauges.ts';
import { countOverdue } from './schedule-overdue.ts';

export async function databaseFigures(db: DatabaseHandle, now: Date = new Date()): Promise<ExposureSnapshot> {
  const figures = await metricsSnapshot(db.db, db.kind, now);
  return { ...figures, schedules: countOverdue(figures.schedules, now) };
}
