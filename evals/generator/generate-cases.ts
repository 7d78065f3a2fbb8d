/**
 * Seeded generator of labeled cash cases in the contract format: each case
 * holds clean matches plus injected breaks of every type, with their cause and
 * exact resolution. The same seed always gives the same cases.
 */
import { evalCaseSchema, type EvalCase } from '../case-schema.ts';
import { CaseBuilder } from './case-builder.ts';
import { CASH_BREAK_SCENARIOS, matched } from './cash-scenarios.ts';
import { Random } from './random.ts';

export interface GenerateOptions {
  readonly cases: number;
  readonly seed: number;
  /** Clean matched pairs per case. */
  readonly matchesPerCase?: number;
  /** Injected breaks per case; scenarios rotate so every type appears. */
  readonly breaksPerCase?: number;
  readonly asOf?: string;
  readonly currency?: string;
}

export function generateCashCases(options: GenerateOptions): EvalCase[] {
  const random = new Random(options.seed);
  const names = Object.keys(CASH_BREAK_SCENARIOS).sort();
  const cases: EvalCase[] = [];
  let rotation = 0;
  for (let n = 0; n < options.cases; n++) {
    const builder = new CaseBuilder(random, options.asOf ?? '2026-10-31', options.currency ?? 'EUR');
    const tags = new Set<string>();
    const breaks = options.breaksPerCase ?? 4;
    for (let k = 0; k < (options.matchesPerCase ?? 6); k++) matched(builder);
    for (let k = 0; k < breaks; k++) {
      const name = names[rotation++ % names.length]!;
      CASH_BREAK_SCENARIOS[name]!(builder);
      tags.add(name);
    }
    // Validate as every consumer would: a generator bug must not become a wrong label.
    cases.push(evalCaseSchema.parse(builder.build(`cash-${options.seed}-${String(n + 1).padStart(4, '0')}`, [...tags].sort(), 'clean')));
  }
  return cases;
}
