/**
 * Writes the committed generated suites and the calibration split from the
 * seeded generator: every break type and cause of both domains at every
 * difficulty level. Run again after a generator change:
 *
 *   node --import tsx evals/datasets/generate-suites.ts
 *
 * The same seeds always write the same files.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateCases, type GenerateOptions } from '../generator/generate-cases.ts';
import { DIFFICULTIES } from '../generator/noise.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'JPY'];

interface Split {
  readonly folder: 'generated' | 'calibration';
  readonly seedBase: number;
  readonly cases: number;
}

const SPLITS: readonly Split[] = [
  { folder: 'generated', seedBase: 1000, cases: 30 },
  { folder: 'calibration', seedBase: 5000, cases: 20 },
];

export function suiteOptions(split: Split, domain: 'cash' | 'securities', level: number): GenerateOptions {
  const difficulty = DIFFICULTIES[level]!;
  return {
    cases: split.cases,
    seed: split.seedBase + (domain === 'cash' ? 0 : 100) + level,
    domain,
    difficulty,
    breaksPerCase: 5,
    matchesPerCase: 3,
    // Cash books in several currencies from the noisy level on, as real multi-currency accounts do.
    ...(domain === 'cash' && difficulty !== 'clean' ? { currencies: CURRENCIES } : {}),
  };
}

for (const split of SPLITS) {
  for (const domain of ['cash', 'securities'] as const) {
    DIFFICULTIES.forEach((difficulty, level) => {
      const cases = generateCases(suiteOptions(split, domain, level)).map((c) => ({ ...c, tags: [...new Set([...c.tags, 'generated'])].sort() }));
      writeFileSync(`${HERE}${split.folder}/${domain}-${difficulty}.jsonl`, `${cases.map((c) => JSON.stringify(c)).join('\n')}\n`);
    });
  }
}
