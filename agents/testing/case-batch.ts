/**
 * Test and evaluation helpers: a generated labeled case as the records of a
 * run, with the side set on each record as the importers would.
 */
import type { CanonicalRecord } from '../../core/records/canonical-record.ts';
import type { CaseRecord } from '../../core/records/canonical-record.ts';

export interface CaseLike {
  readonly external: readonly CaseRecord[];
  readonly internal: readonly CaseRecord[];
}

export function caseSides(c: CaseLike): { external: CanonicalRecord[]; internal: CanonicalRecord[] } {
  return {
    external: c.external.map((r) => ({ ...r, side: 'external' as const })) as CanonicalRecord[],
    internal: c.internal.map((r) => ({ ...r, side: 'internal' as const })) as CanonicalRecord[],
  };
}
