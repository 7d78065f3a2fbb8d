/**
 * Realistic agent inputs for prompt and adapter tests: generated labeled
 * cases run through the real matching engine and turned into break contexts,
 * exactly as the graph will see them.
 */
import { buildBreakContexts, type BreakContext } from '../../core/breaks/break-context.ts';
import { DEFAULT_MATCH_CONFIG } from '../../core/match/match-config.ts';
import { matchRecords } from '../../core/match/match-records.ts';
import type { CanonicalRecord } from '../../core/records/canonical-record.ts';
import { generateCases } from '../../evals/generator/generate-cases.ts';
import type { Difficulty } from '../../evals/generator/noise.ts';

export interface SampleOptions {
  readonly count: number;
  readonly seed?: number;
  readonly domain?: 'cash' | 'securities';
  readonly difficulty?: Difficulty;
}

/** `count` break contexts (ids b0…), from as many generated cases as it takes. */
export function sampleBreakContexts(options: SampleOptions): BreakContext[] {
  const out: BreakContext[] = [];
  const cases = generateCases({ cases: Math.max(1, Math.ceil(options.count / 3)), seed: options.seed ?? 42, domain: options.domain ?? 'cash', breaksPerCase: 4, difficulty: options.difficulty ?? 'noisy' });
  for (const c of cases) {
    const external = c.external.map((r) => ({ ...r, side: 'external' as const })) as CanonicalRecord[];
    const internal = c.internal.map((r) => ({ ...r, side: 'internal' as const })) as CanonicalRecord[];
    const result = matchRecords({ external, internal }, DEFAULT_MATCH_CONFIG);
    out.push(...buildBreakContexts({ result, external, internal, asOf: c.asOf, domain: c.domain, config: DEFAULT_MATCH_CONFIG }));
  }
  // Renumber: ids are unique inside one run, and these came from several.
  return out.slice(0, options.count).map((b, i) => ({ ...b, id: `b${i}` }));
}
