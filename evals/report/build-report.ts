/**
 * Builds the evaluation report from cases and each mode's predictions: the
 * headline numbers with seeded bootstrap intervals, per-type scores and the
 * confusion matrix, the calibration curve, usage, slices by domain,
 * difficulty and tag, the targets, and the types that drag the
 * numbers down.
 */
import { CLASSIFY_PROMPT, ROOT_CAUSE_PROMPT, SUGGEST_PROMPT } from '../../prompts/index.ts';
import { RULES_VERSION } from '../../core/rules/rules-version.ts';
import { divideDecimal, formatDecimal, parseDecimal } from '../../core/money/decimal.ts';
import { sumAmounts } from '../../core/money/money.ts';
import type { EvalReport, HeadlineMetric, ModeReport, ReplayReport, SliceScore, TargetCheck } from '../../core/evals/eval-report.ts';
import type { AgentMode } from '../../core/statuses.ts';
import type { EvalCase } from '../case-schema.ts';
import type { Prediction } from '../prediction-schema.ts';
import { calibrationBins, calibrationSamples, headline, MISSING, typeScores } from '../scoring/aggregate.ts';
import { bootstrapIntervals } from '../scoring/bootstrap.ts';
import { scoreCase, type CaseOutcome } from '../scoring/case-outcome.ts';

export const PROMPT_VERSIONS: Readonly<Record<string, string>> = {
  classify: CLASSIFY_PROMPT.version,
  rootCause: ROOT_CAUSE_PROMPT.version,
  suggest: SUGGEST_PROMPT.version,
};

/**
 * The targets for the rules mode on generated suites. Type accuracy
 * and macro-F1 hold on the clean and noisy levels; the others on every case.
 */
export const TARGETS: readonly { metric: HeadlineMetric; slice: string; op: '>=' | '<='; target: number }[] = [
  { metric: 'matchingF1', slice: 'all', op: '>=', target: 0.99 },
  { metric: 'typeAccuracy', slice: 'difficulty:clean', op: '>=', target: 0.9 },
  { metric: 'typeMacroF1', slice: 'difficulty:clean', op: '>=', target: 0.85 },
  { metric: 'typeAccuracy', slice: 'difficulty:noisy', op: '>=', target: 0.9 },
  { metric: 'typeMacroF1', slice: 'difficulty:noisy', op: '>=', target: 0.85 },
  { metric: 'resolutionExactness', slice: 'all', op: '>=', target: 0.8 },
  { metric: 'ece', slice: 'all', op: '<=', target: 0.05 },
];

/** A type drags the numbers down when its F1 is under this. */
const DRAG_BELOW = 0.9;
const ERROR_SAMPLES = 50;

function slices(cases: readonly EvalCase[], outcomes: readonly CaseOutcome[]): SliceScore[] {
  const groups = new Map<string, { by: SliceScore['by']; value: string; outcomes: CaseOutcome[] }>();
  const add = (by: SliceScore['by'], value: string, o: CaseOutcome) => {
    const key = `${by}:${value}`;
    if (!groups.has(key)) groups.set(key, { by, value, outcomes: [] });
    groups.get(key)!.outcomes.push(o);
  };
  outcomes.forEach((o, i) => {
    add('domain', cases[i]!.domain, o);
    add('difficulty', cases[i]!.difficulty ?? 'unspecified', o);
    for (const tag of cases[i]!.tags) add('tag', tag, o);
  });
  return [...groups.values()]
    .sort((a, b) => a.by.localeCompare(b.by) || a.value.localeCompare(b.value))
    .map((g) => ({ by: g.by, value: g.value, cases: g.outcomes.length, breaks: g.outcomes.reduce((s, o) => s + o.breaks.length, 0), headline: headline(g.outcomes) }));
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function usage(outcomes: readonly CaseOutcome[]): ModeReport['usage'] {
  const used = outcomes.map((o) => o.usage).filter((u) => u !== null);
  const tokensIn = used.reduce((s, u) => s + u.tokensIn, 0);
  const tokensOut = used.reduce((s, u) => s + u.tokensOut, 0);
  const cost = sumAmounts(used.map((u) => u.cost));
  const latencies = used.map((u) => u.latencyMs).sort((a, b) => a - b);
  const n = Math.max(1, used.length);
  return {
    tokensIn,
    tokensOut,
    cost,
    tokensPerCase: (tokensIn + tokensOut) / n,
    costPerCase: formatDecimal(divideDecimal(parseDecimal(cost), parseDecimal(String(n)), 6)),
    latencyMsPerCase: { mean: latencies.reduce((s, x) => s + x, 0) / n, p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95) },
  };
}

export function checkTargets(h: ModeReport['headline'], sliceList: readonly SliceScore[]): TargetCheck[] {
  return TARGETS.map((t) => {
    const value = t.slice === 'all' ? h[t.metric] : (sliceList.find((s) => `${s.by}:${s.value}` === t.slice)?.headline[t.metric] ?? null);
    return { ...t, value, met: value === null ? true : t.op === '>=' ? value >= t.target : value <= t.target };
  });
}

export function scoreMode(mode: AgentMode, cases: readonly EvalCase[], predictions: readonly Prediction[], seed: number, resamples = 200): ModeReport {
  const byId = new Map(predictions.map((p) => [p.id, p]));
  const outcomes = cases.map((c) => scoreCase(c, byId.get(c.id)));
  const h = headline(outcomes);
  const types = typeScores(outcomes);
  const sliceList = slices(cases, outcomes);
  const fallbacks: Record<string, number> = {};
  for (const p of predictions) for (const b of p.breaks) if (b.fallbackReason) fallbacks[b.fallbackReason] = (fallbacks[b.fallbackReason] ?? 0) + 1;
  const rowOf = (type: string) => types.confusion.counts[types.confusion.rows.indexOf(type)] ?? [];
  const dragging = types.perType
    .filter((t) => t.support > 0 && t.f1 < DRAG_BELOW)
    .sort((a, b) => a.f1 - b.f1)
    .map((t) => ({
      type: t.type,
      f1: t.f1,
      support: t.support,
      confusedWith: types.confusion.columns
        .map((column, i) => ({ column, n: rowOf(t.type)[i] ?? 0 }))
        .filter((x) => x.column !== t.type && x.n > 0)
        .sort((a, b) => b.n - a.n)
        .map((x) => `${x.column === MISSING ? 'not found as a break' : x.column} (${x.n})`),
    }));
  const errors = outcomes
    .flatMap((o) => o.breaks.filter((b) => !b.typeRight || !b.exact).map((b) => ({ caseId: o.caseId, records: [...b.records], expected: b.expected, predicted: b.predicted })))
    .slice(0, ERROR_SAMPLES);
  return {
    mode,
    cases: cases.length,
    expectedBreaks: outcomes.reduce((s, o) => s + o.breaks.length, 0),
    predictedBreaks: outcomes.reduce((s, o) => s + o.predictedBreaks, 0),
    headline: h,
    intervals: bootstrapIntervals(outcomes, { seed, resamples }),
    perType: types.perType,
    confusion: types.confusion,
    calibration: calibrationBins(calibrationSamples(outcomes)),
    usage: usage(outcomes),
    fallbacks,
    slices: sliceList,
    targets: checkTargets(h, sliceList),
    dragging,
    errors,
  };
}

export interface ReportMeta {
  readonly gitRevision: string;
  readonly seed: number;
  readonly model: string | null;
  readonly calibration: string | null;
  readonly suites: readonly { file: string; cases: number }[];
  readonly createdAt: Date;
}

export function buildReport(meta: ReportMeta, modes: readonly ModeReport[], replay?: ReplayReport): EvalReport {
  return {
    version: 1,
    createdAt: meta.createdAt.toISOString(),
    gitRevision: meta.gitRevision,
    seed: meta.seed,
    model: meta.model,
    rulesVersion: RULES_VERSION,
    promptVersions: { ...PROMPT_VERSIONS },
    calibration: meta.calibration,
    suites: [...meta.suites],
    modes: [...modes],
    ...(replay ? { replay } : {}),
  };
}
