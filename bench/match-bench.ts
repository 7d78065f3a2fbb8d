/**
 * `npm run bench -- match`: the matching engine on the bulk generator's cash
 * records (about 2 % breaks: missing items, amount differences, late
 * bookings, duplicate postings), at 100k, 300k and 1M records per side
 * (scaled by `--scale`), to show how time grows.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { matchRecords } from '../core/match/match-records.ts';
import { bulkSides } from '../evals/generator/bulk.ts';
import { report } from './report.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Runs in a child process: one size, so no size inherits another's heap. */
export function matchOne(n: number): void {
  const sides = bulkSides(n, 1);
  const started = performance.now();
  const result = matchRecords(sides);
  const seconds = (performance.now() - started) / 1000;
  report({ bench: 'match', case: `${result.matches.length} matched`, count: n, unit: 'per side', seconds, perSecond: (2 * n) / seconds });
}

export async function matchBench(options: { scale: number }): Promise<void> {
  for (const size of [100_000, 300_000, 1_000_000]) {
    const n = String(Math.round(size * options.scale));
    process.stdout.write(execFileSync(process.execPath, ['--import', 'tsx', join(HERE, 'main.ts'), '--match-size', n], { encoding: 'utf8' }));
  }
}
