/**
 * The committed suites the CI gate runs in rules mode, each with its
 * baseline. Generated suites come from `evals/datasets/generate-suites.ts`
 * (seeded); the golden set is written by hand.
 */
import { fileURLToPath } from 'node:url';

/** The repository root: suite files are named relative to it and read from it, whatever the working directory. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const fromRoot = (file: string) => `${REPO_ROOT}${file}`;

export interface Suite {
  readonly name: string;
  readonly files: readonly string[];
}

const DATASETS = 'evals/datasets';

export const CI_SUITES: readonly Suite[] = [
  { name: 'generated-cash', files: ['clean', 'noisy', 'multilingual', 'ambiguous', 'adversarial'].map((d) => `${DATASETS}/generated/cash-${d}.jsonl`) },
  { name: 'generated-securities', files: ['clean', 'noisy', 'multilingual', 'ambiguous', 'adversarial'].map((d) => `${DATASETS}/generated/securities-${d}.jsonl`) },
  { name: 'golden', files: [`${DATASETS}/golden/golden.jsonl`] },
];

/** The calibration split: generated with other seeds than the suites, never scored by the gate. */
export const CALIBRATION_FILES: readonly string[] = ['cash', 'securities'].flatMap((domain) => ['clean', 'noisy', 'multilingual', 'ambiguous', 'adversarial'].map((d) => `${DATASETS}/calibration/${domain}-${d}.jsonl`));

export const baselineFile = (suite: Suite) => fromRoot(`evals/baselines/${suite.name}.json`);
