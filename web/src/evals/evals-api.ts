/** The latest evaluation report (`GET /api/evals/latest`); null until someone has run `recon eval --report`. */
import type { EvalReport } from '../../../core/evals/eval-report.ts';
import { ApiError, getJson } from '../api/client.ts';

export type { EvalReport, ModeReport, Confusion, CalibrationBin, PerTypeScore } from '../../../core/evals/eval-report.ts';

export async function fetchLatestEval(): Promise<EvalReport | null> {
  try {
    return await getJson<EvalReport>('/api/evals/latest');
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
