import { describe, expect, it } from 'vitest';
import { registerExposureGauges, type ExposureSnapshot } from './exposure-gauges.ts';
import { createMetrics } from './metrics-registry.ts';
import { parseExposition } from './testing/parse-exposition.ts';

const snapshot = (open: number, currency = 'EUR'): ExposureSnapshot => ({
  openExceptions: [{ type: 'unbooked_fee', age: '0-1d', count: open }],
  moneyAtRisk: [{ type: 'unbooked_fee', currency, amount: '12.50' }],
  decisions: [{ source: 'rules', outcome: 'approved', count: 3 }],
  lastCompletedRunAt: new Date('2026-12-01T02:00:00Z'),
  connections: [{ state: 'idle', count: 2 }],
});

describe('registerExposureGauges', () => {
  it('fills every gauge from one load per scrape and reads again after the cache time', async () => {
    const m = createMetrics({ defaults: false });
    let clock = 0;
    const loads: number[] = [];
    registerExposureGauges(m, async () => (loads.push(clock), snapshot(loads.length)), { cacheMs: 1000, now: () => clock });
    let e = parseExposition((await m.render()).body);
    expect(loads).toEqual([0]);
    expect(e.value('recon_open_exceptions', { type: 'unbooked_fee', age: '0-1d' })).toBe(1);
    expect(e.value('recon_money_at_risk', { type: 'unbooked_fee', currency: 'EUR' })).toBe(12.5);
    expect(e.value('recon_suggestion_decisions', { source: 'rules', outcome: 'approved' })).toBe(3);
    expect(e.value('recon_run_last_completed_timestamp_seconds')).toBe(Date.parse('2026-12-01T02:00:00Z') / 1000);
    expect(e.value('recon_db_connections', { state: 'idle' })).toBe(2);
    clock = 500;
    await m.render();
    expect(loads).toEqual([0]);
    clock = 1500;
    e = parseExposition((await m.render()).body);
    expect(loads).toEqual([0, 1500]);
    expect(e.value('recon_open_exceptions', { type: 'unbooked_fee', age: '0-1d' })).toBe(2);
  });

  it('drops label sets that disappeared, and keeps the last figures when a load fails', async () => {
    const m = createMetrics({ defaults: false });
    const errors: unknown[] = [];
    let next: () => Promise<ExposureSnapshot> = async () => snapshot(1, 'EUR');
    registerExposureGauges(m, () => next(), { cacheMs: 0, onError: (error) => errors.push(error) });
    await m.render();
    next = async () => snapshot(1, 'USD');
    let e = parseExposition((await m.render()).body);
    expect(e.value('recon_money_at_risk', { currency: 'EUR' })).toBeUndefined();
    expect(e.value('recon_money_at_risk', { currency: 'USD' })).toBe(12.5);
    next = () => Promise.reject(new Error('database down'));
    e = parseExposition((await m.render()).body);
    expect(errors).toHaveLength(1);
    expect(e.value('recon_money_at_risk', { currency: 'USD' })).toBe(12.5);
  });

  it('replaces the gauges when registered again on the same registry', async () => {
    const m = createMetrics({ defaults: false });
    registerExposureGauges(m, async () => snapshot(1), { cacheMs: 0 });
    registerExposureGauges(m, async () => snapshot(7), { cacheMs: 0 });
    expect(parseExposition((await m.render()).body).value('recon_open_exceptions', { age: '0-1d' })).toBe(7);
  });
});
