/**
 * The latest evaluation report (`recon eval --report` copies it to
 * RECON_DATA_DIR/evals/latest.json): what the web app's evaluation page
 * shows. 404 with a clear message until someone has run an evaluation.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { evalReportSchema } from '../../core/evals/eval-report.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { ApiDeps } from '../api-deps.ts';
import { defineRoute, type RouteSpec } from '../routing/route.ts';

export const NO_REPORT_MESSAGE = 'no evaluation report yet; run recon eval';

export function evalRoutes(deps: ApiDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/evals/latest',
      role: 'viewer',
      summary: 'The latest evaluation report: headline numbers per mode, per-type scores, confusion matrix, calibration, slices',
      tag: 'evals',
      responses: { 200: { description: 'The report', schema: evalReportSchema }, 404: { description: NO_REPORT_MESSAGE } },
      handler: async () => {
        if (!deps.evalsDir) throw new AppError('not_found', NO_REPORT_MESSAGE);
        let text: string;
        try {
          text = await readFile(join(deps.evalsDir, 'latest.json'), 'utf8');
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('not_found', NO_REPORT_MESSAGE);
          throw error;
        }
        const parsed = evalReportSchema.safeParse(JSON.parse(text));
        if (!parsed.success) throw new AppError('internal', `the latest evaluation report does not parse (${parsed.error.issues[0]?.message ?? 'unknown'}); run recon eval again`);
        return parsed.data;
      },
    }),
  ];
}
