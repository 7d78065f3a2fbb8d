/**
 * One evaluation: the same validated cases through each requested mode,
 * scored into one report, written as JSON, Markdown and standalone HTML.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RunSettings } from '../agents/agent-ports.ts';
import type { EvalReport, ModeReport } from '../core/evals/eval-report.ts';
import type { AgentMode } from '../core/statuses.ts';
import type { LoadedCase } from './io/read-cases.ts';
import type { Prediction } from './prediction-schema.ts';
import { buildReport, scoreMode, type ReportMeta } from './report/build-report.ts';
import { renderHtml } from './report/render-html.ts';
import { renderMarkdown } from './report/render-markdown.ts';
import { scoreReplay } from './replay/replay-score.ts';
import { predictCases, type CaseDeps } from './runner/run-cases.ts';

export interface EvaluateOptions {
  readonly cases: readonly LoadedCase[];
  readonly modes: readonly AgentMode[];
  readonly depsFor: (mode: AgentMode) => CaseDeps;
  readonly settings: RunSettings;
  readonly seed: number;
  readonly resamples?: number;
  readonly parallel?: number;
  readonly meta: Omit<ReportMeta, 'suites' | 'seed'>;
  readonly onCase?: (mode: AgentMode, done: number, total: number) => void;
}

export interface Evaluation {
  readonly report: EvalReport;
  readonly predictions: ReadonlyMap<AgentMode, readonly Prediction[]>;
}

export function suitesOf(cases: readonly LoadedCase[]): { file: string; cases: number }[] {
  const counts = new Map<string, number>();
  for (const c of cases) counts.set(c.file, (counts.get(c.file) ?? 0) + 1);
  return [...counts].map(([file, n]) => ({ file, cases: n }));
}

export async function evaluate(options: EvaluateOptions): Promise<Evaluation> {
  const cases = options.cases.map((c) => c.case);
  const predictions = new Map<AgentMode, Prediction[]>();
  const modes: ModeReport[] = [];
  for (const mode of options.modes) {
    const list = await predictCases(cases, {
      mode,
      deps: options.depsFor(mode),
      settings: options.settings,
      ...(options.parallel ? { parallel: options.parallel } : {}),
      ...(options.onCase ? { onCase: (done: number, total: number) => options.onCase!(mode, done, total) } : {}),
    });
    predictions.set(mode, list);
    modes.push(scoreMode(mode, cases, list, options.seed, options.resamples));
  }
  // Reviewer decisions in the cases: score the first mode (the one asked for) against what people decided.
  const replay = scoreReplay(cases, predictions.get(options.modes[0]!) ?? []);
  const report = buildReport({ ...options.meta, seed: options.seed, suites: suitesOf(options.cases) }, modes, replay);
  return { report, predictions };
}

export async function writePredictions(file: string, predictions: ReadonlyMap<AgentMode, readonly Prediction[]>): Promise<void> {
  const lines = [...predictions.values()].flatMap((list) => list.map((p) => JSON.stringify(p)));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${lines.join('\n')}\n`);
}

/** report.json, report.md and report.html in `dir`. */
export async function writeReport(dir: string, report: EvalReport): Promise<{ json: string; markdown: string; html: string }> {
  await mkdir(dir, { recursive: true });
  const paths = { json: join(dir, 'report.json'), markdown: join(dir, 'report.md'), html: join(dir, 'report.html') };
  await writeFile(paths.json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(paths.markdown, renderMarkdown(report));
  await writeFile(paths.html, renderHtml(report));
  return paths;
}
