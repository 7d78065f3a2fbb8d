/**
 * `npm run bench -- match`: the matching engine on synthetic cash records with
 * 2% breaks (missing items, amount differences, late bookings), at 100k, 300k
 * and 1M records per side (scaled by `--scale`), to show how time grows.
 */
import type { CanonicalRecord } from '../core/records/canonical-record.ts';
import { matchRecords } from '../core/match/match-records.ts';
import { report } from './report.ts';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Deterministic records: every 50th internal item is missing, every 97th off by 1.00, every 89th booked 9 days late. */
export function syntheticSides(n: number): { external: CanonicalRecord[]; internal: CanonicalRecord[] } {
  const external: CanonicalRecord[] = [];
  const internal: CanonicalRecord[] = [];
  for (let i = 0; i < n; i++) {
    const day = 1 + (i % 20);
    const cents = ((i * 7919) % 1_000_000) + 100;
    const amount = `${Math.floor(cents / 100)}.${pad(cents % 100)}`;
    const base = { currency: 'EUR', reference: `INV-${i}`, counterparty: `Customer ${i % 977}` };
    external.push({ id: `e${i}`, side: 'external', account: 'DE89', date: `2026-10-${pad(day)}`, amount, ...base });
    if (i % 50 === 0) continue;
    const late = i % 89 === 0 ? 9 : i % 3;
    const off = i % 97 === 0 ? `${Math.floor(cents / 100) + 1}.${pad(cents % 100)}` : amount;
    internal.push({ id: `i${i}`, side: 'internal', account: '1200', date: `2026-10-${pad(day + late)}`, amount: off, ...base });
  }
  return { external, internal };
}

export async function matchBench(options: { scale: number }): Promise<void> {
  for (const size of [100_000, 300_000, 1_000_000]) {
    const n = Math.round(size * options.scale);
    const sides = syntheticSides(n);
    const started = performance.now();
    const result = matchRecords(sides);
    const seconds = (performance.now() - started) / 1000;
    report({ bench: 'match', case: `${result.matches.length} matched`, count: n, unit: 'per side', seconds, perSecond: (2 * n) / seconds });
  }
}
