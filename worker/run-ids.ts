/**
 * Run ids derived from names (UUID version 8 from SHA-256): a scheduled
 * night of a reconciliation, or a partition of a run, always gets the same
 * run id — which is also the graph's thread id, so a job run again after its
 * worker died continues that run's checkpoint instead of starting another.
 */
import { createHash } from 'node:crypto';

export function nameBasedUuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function scheduledRunId(reconciliationId: string, asOf: string): string {
  return nameBasedUuid(`nightly:${reconciliationId}:${asOf}`);
}

export function partitionRunId(parentRunId: string, partitionKey: string): string {
  return nameBasedUuid(`partition:${parentRunId}:${partitionKey}`);
}

/** The calendar date at `at` in an IANA zone, YYYY-MM-DD. */
export function dateInZone(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}
