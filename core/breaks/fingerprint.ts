/**
 * A break's fingerprint: what it is about, without what changes from one
 * month to the next (record ids, dates, statement numbers, invoice digits).
 * Two breaks with the same fingerprint are "the same kind of thing", so a
 * cached answer or a reviewer's earlier decision applies to both.
 */
import type { CanonicalRecord } from '../records/canonical-record.ts';
import type { BreakShape } from '../match/match-types.ts';
import { stableHash } from '../ingest/stable-hash.ts';

/** Lower case, digits and punctuation dropped, words in order: "KONTOFUEHRUNG 10/2026" → "kontofuehrung". */
export function fingerprintText(text: string | undefined): string {
  if (!text) return '';
  return text
    .toLowerCase()
    .replace(/[^\p{L}\s]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 1)
    .join(' ');
}

function recordShape(r: CanonicalRecord): string {
  const direction = r.amount.startsWith('-') ? 'D' : 'C';
  const magnitude = r.amount.replace(/^[+-]/, '');
  return [direction, magnitude, r.currency, r.kind ?? 'cash', fingerprintText(r.counterparty), fingerprintText(r.description), r.securityId ?? ''].join('|');
}

export function breakFingerprint(shape: BreakShape, external: readonly CanonicalRecord[], internal: readonly CanonicalRecord[]): string {
  const parts = [shape, `e${external.length}`, ...external.map(recordShape).sort(), `i${internal.length}`, ...internal.map(recordShape).sort()];
  return `fp1:${stableHash(parts.join('\n'))}`;
}
