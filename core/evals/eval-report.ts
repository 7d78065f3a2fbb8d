/**
 * The evaluation report (`recon eval --report`): one JSON document that the
 * Markdown and HTML reports, `GET /api/evals/latest` and the web app's
 * evaluation page all read. zod only, so the API can declare it as its
 * response and the browser can import its type.
 */
import { z } from 'zod';

export const HEADLINE_METRICS = [
  'matchingPrecision',
  'matchingRecall',
  'matchingF1',
  'typeAccuracy',
  'typeMacroF1',
  'causeAccuracy',
  'actionAccuracy',
  'resolutionExactness',
  'ece',
  'fallbackRate',
] as const;
export type HeadlineMetric = (typeof HEADLINE_METRICS)[number];

/** Metrics where lower is better (everything else: higher is better). */
export const LOWER_IS_BETTER: readonly HeadlineMetric[] = ['ece', 'fallbackRate'];

const rate = z.number().min(0).max(1);
export const headlineSchema = z.object(Object.fromEntries(HEADLINE_METRICS.map((m) => [m, rate])) as Record<HeadlineMetric, typeof rate>);
export type Headline = z.output<typeof headlineSchema>;

export const intervalSchema = z.object({ low: z.number(), high: z.number() });

export const perTypeSchema = z.object({
  type: z.string(),
  /** Expected breaks of this type. */
  support: z.number().int(),
  /** Predicted breaks of this type (paired or spurious). */
  predicted: z.number().int(),
  precision: rate,
  recall: rate,
  f1: rate,
});
export type PerTypeScore = z.output<typeof perTypeSchema>;

/** Rows: expected type (last row `(spurious)`: predicted breaks the truth does not have); columns: predicted type (last column `(missing)`). */
export const confusionSchema = z.object({ rows: z.array(z.string()), columns: z.array(z.string()), counts: z.array(z.array(z.number().int())) });
export type Confusion = z.output<typeof confusionSchema>;

export const calibrationBinSchema = z.object({ from: z.number(), to: z.number(), count: z.number().int(), meanConfidence: z.number(), accuracy: z.number() });
export type CalibrationBin = z.output<typeof calibrationBinSchema>;

export const sliceSchema = z.object({
  by: z.enum(['domain', 'tag', 'difficulty']),
  value: z.string(),
  cases: z.number().int(),
  breaks: z.number().int(),
  headline: headlineSchema,
});
export type SliceScore = z.output<typeof sliceSchema>;

export const targetSchema = z.object({
  metric: z.string(),
  slice: z.string(),
  op: z.enum(['>=', '<=']),
  target: z.number(),
  value: z.number().nullable(),
  met: z.boolean(),
});
export type TargetCheck = z.output<typeof targetSchema>;

export const errorSampleSchema = z.object({
  caseId: z.string(),
  records: z.array(z.string()),
  expected: z.object({ type: z.string(), cause: z.string(), action: z.string() }),
  predicted: z.object({ type: z.string(), cause: z.string(), action: z.string(), confidence: z.number() }).nullable(),
});

export const modeReportSchema = z.object({
  mode: z.enum(['rules', 'llm', 'hybrid']),
  cases: z.number().int(),
  expectedBreaks: z.number().int(),
  predictedBreaks: z.number().int(),
  headline: headlineSchema,
  /** Seeded bootstrap percentile intervals (95 %) over cases. */
  intervals: z.record(z.string(), intervalSchema),
  perType: z.array(perTypeSchema),
  confusion: confusionSchema,
  calibration: z.array(calibrationBinSchema),
  usage: z.object({
    tokensIn: z.number().int(),
    tokensOut: z.number().int(),
    /** USD, decimal string. */
    cost: z.string(),
    tokensPerCase: z.number(),
    costPerCase: z.string(),
    latencyMsPerCase: z.object({ mean: z.number(), p50: z.number(), p95: z.number() }),
  }),
  fallbacks: z.record(z.string(), z.number().int()),
  slices: z.array(sliceSchema),
  targets: z.array(targetSchema),
  /** Break types whose F1 pulls the macro-F1 down, worst first, with what they are confused with. */
  dragging: z.array(z.object({ type: z.string(), f1: z.number(), support: z.number().int(), confusedWith: z.array(z.string()) })),
  errors: z.array(errorSampleSchema),
});
export type ModeReport = z.output<typeof modeReportSchema>;

export const replayReportSchema = z.object({
  decisions: z.number().int(),
  byDecision: z.record(z.string(), z.number().int()),
  /** Share of approved or edited decisions whose final resolution the system now proposes exactly. */
  acceptedAsIs: rate,
  /** Mean number of resolution fields (action and parameters) that differ from what people decided. */
  meanEditDistance: z.number(),
  /** Rejected suggestions the system still proposes unchanged. */
  rejectedRepeated: z.number().int(),
});
export type ReplayReport = z.output<typeof replayReportSchema>;

export const evalReportSchema = z.object({
  version: z.literal(1),
  createdAt: z.string(),
  gitRevision: z.string(),
  seed: z.number().int(),
  model: z.string().nullable(),
  rulesVersion: z.string(),
  promptVersions: z.record(z.string(), z.string()),
  /** The confidence calibration applied at run time, by its key; null: raw confidences. */
  calibration: z.string().nullable(),
  suites: z.array(z.object({ file: z.string(), cases: z.number().int() })),
  modes: z.array(modeReportSchema),
  replay: replayReportSchema.optional(),
});
export type EvalReport = z.output<typeof evalReportSchema>;
