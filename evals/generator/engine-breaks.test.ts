import { describe, expect, it } from 'vitest';
import { matchRecords } from '../../core/match/match-records.ts';
import type { CanonicalRecord } from '../../core/records/canonical-record.ts';
import type { EvalCase } from '../case-schema.ts';
import { generateCases } from './generate-cases.ts';

const key = (external: readonly string[], internal: readonly string[]) => [...external.map((id) => `e:${id}`), ...internal.map((id) => `i:${id}`)].sort().join(',');

/** Expected breaks of the given types that the engine does not produce as one break with exactly their records. */
function missed(list: readonly EvalCase[], types: readonly string[]): string[] {
  const out: string[] = [];
  for (const c of list) {
    const result = matchRecords({ external: c.external as CanonicalRecord[], internal: c.internal as CanonicalRecord[] });
    const found = new Set(result.breaks.map((b) => key(b.external, b.internal)));
    for (const b of c.expected.breaks) if (types.includes(b.type) && !found.has(key(b.external, b.internal))) out.push(`${c.id} ${b.type} ${key(b.external, b.internal)}`);
  }
  return out;
}

describe('engine breaks on generated cases, record for record', () => {
  for (const difficulty of ['clean', 'noisy', 'adversarial'] as const) {
    it(`finds every batch deposit and instalment group on ${difficulty} cases, aliases and suffixes included`, () => {
      const list = generateCases({ cases: 60, seed: 3, difficulty, currencies: ['EUR', 'JPY', 'KWD', 'USD'] });
      expect(list.some((c) => c.expected.breaks.some((b) => b.type === 'split_or_aggregate'))).toBe(true);
      expect(missed(list, ['split_or_aggregate'])).toEqual([]);
    });
  }

  it('leaves trades never booked and never settled one-sided, even in one security on one day', () => {
    const list = generateCases({ cases: 30, seed: 2, domain: 'securities' });
    // securities-2-0018 holds such a pair: same security, day and direction, nothing else in common.
    expect(list.map((c) => c.id)).toContain('securities-2-0018');
    expect(missed(list, ['missing_internal', 'missing_external'])).toEqual([]);
  });
});
