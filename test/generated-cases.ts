/**
 * Generated labeled cases for tests outside `evals/` (which the folder rules
 * keep away from the generator), with each case's records as a run sees them.
 */
export { generateCases } from '../evals/generator/generate-cases.ts';
export type { EvalCase } from '../evals/case-schema.ts';
