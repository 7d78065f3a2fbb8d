/**
 * Seeded generator of labeled cases in the contract format, for cash and
 * securities: each case
 * holds clean matches plus injected breaks of every type, with their cause and
 * exact resolution. The same seed always gives the same cases.
 */
import { evalCaseSchema, type EvalCase } from '../case-schema.ts';
import { CaseBuilder } from './case-builder.ts';
import { CASH_BREAK_SCENARIOS, matched, type Scenario } from './cash-scenarios.ts';
import { matchedTrade, SECURITIES_BREAK_SCENARIOS } from './securities-scenarios.ts';
import { applyNoise, type Difficulty } from './noise.ts';
import { Random } from './random.ts';

export interface GenerateOptions {
  readonly cases: number;
  readonly domain?: 'cash' | 'securities';
  readonly seed: number;
  /** Clean matched pairs per case. */
  readonly matchesPerCase?: number;
  /** Injected breaks per case; scenarios rotate so every type appears. */
  readonly breaksPerCase?: number;
  readonly asOf?: string;
  readonly currency?: string;
  /** How the records are written: clean, noisy or adversarial (default clean). */
  readonly difficulty?: Difficulty;
  /** Several currencies: each scenario books in one picked from this list. */
  readonly currencies?: readonly string[];
}

const DOMAINS: Readonly<Record<'cash' | 'securities', { clean: Scenario; breaks: Readonly<Record<string, Scenario>>; currency: string }>> = {
  cash: { clean: matched, breaks: CASH_BREAK_SCENARIOS, currency: 'EUR' },
  securities: { clean: matchedTrade, breaks: SECURITIES_BREAK_SCENARIOS, currency: 'USD' },
};

export function generateCases(options: GenerateOptions): EvalCase[] {
  const domain = options.domain ?? 'cash';
  const { clean, breaks: scenarios, currency } = DOMAINS[domain];
  const random = new Random(options.seed);
  const names = Object.keys(scenarios).sort();
  const cases: EvalCase[] = [];
  let rotation = 0;
  for (let n = 0; n < options.cases; n++) {
    const builder = new CaseBuilder(random, options.asOf ?? '2026-10-31', options.currency ?? currency, domain === 'cash' ? undefined : { external: 'CUSTODY-001', internal: 'SEC-BOOK-1' });
    const tags = new Set<string>();
    const breaks = options.breaksPerCase ?? 4;
    const pickCurrency = () => {
      if (options.currencies && options.currencies.length > 0) builder.currency = random.pick(options.currencies);
    };
    for (let k = 0; k < (options.matchesPerCase ?? 6); k++) {
      pickCurrency();
      clean(builder);
    }
    for (let k = 0; k < breaks; k++) {
      pickCurrency();
      const name = names[rotation++ % names.length]!;
      scenarios[name]!(builder);
      tags.add(name);
    }
    // Validate as every consumer would: a generator bug must not become a wrong label.
    if (builder.currencies().length > 1) tags.add('multi-currency');
    const built = builder.build(`${domain}-${options.seed}-${String(n + 1).padStart(4, '0')}`, [...tags].sort(), 'clean', domain);
    cases.push(evalCaseSchema.parse(applyNoise(random, built, options.difficulty ?? 'clean')));
  }
  return cases;
}

/** Cash cases (kept for callers that only need the cash domain). */
export function generateCashCases(options: Omit<GenerateOptions, 'domain'>): EvalCase[] {
  return generateCases({ ...options, domain: 'cash' });
}
