import { describe, expect, it } from 'vitest';
import { countOverdue } from './schedule-overdue.ts';

const now = new Date('2026-12-01T10:00:00Z');

describe('countOverdue', () => {
  it('counts a schedule whose latest time (an hour of grace past) has no run since', () => {
    const nightly = { schedule: '0 2 * * *', timezone: 'UTC' };
    expect(countOverdue([{ ...nightly, lastRunAt: new Date('2026-12-01T02:00:05Z') }], now)).toEqual({ total: 1, overdue: 0 });
    expect(countOverdue([{ ...nightly, lastRunAt: new Date('2026-11-30T02:00:05Z') }], now)).toEqual({ total: 1, overdue: 1 });
    expect(countOverdue([{ ...nightly, lastRunAt: null }], now)).toEqual({ total: 1, overdue: 1 });
  });

  it('gives a run the grace period before calling it missed, in the schedule time zone', () => {
    // 09:30 UTC passed 30 minutes ago: still within the hour of grace, so yesterday's run is the one due.
    const rows = [{ schedule: '30 9 * * *', timezone: 'UTC', lastRunAt: new Date('2026-11-30T09:30:01Z') }];
    expect(countOverdue(rows, now).overdue).toBe(0);
    expect(countOverdue(rows, new Date('2026-12-01T10:31:00Z')).overdue).toBe(1);
    // 02:00 in New York is 07:00 UTC.
    const ny = [{ schedule: '0 2 * * *', timezone: 'America/New_York', lastRunAt: new Date('2026-12-01T06:00:00Z') }];
    expect(countOverdue(ny, now).overdue).toBe(1);
  });

  it('counts an unreadable schedule as overdue', () => {
    expect(countOverdue([{ schedule: 'not a cron', timezone: 'UTC', lastRunAt: null }], now)).toEqual({ total: 1, overdue: 1 });
  });
});
