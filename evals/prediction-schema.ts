/**
 * The prediction format of the contract: one line per case with what the
 * system matched and every break it found, its labels, confidence and source.
 * Usage and latency ride along (extra keys) so a prediction file alone can be
 * scored for cost too.
 */
import { z } from 'zod';
import { AGENT_MODES } from '../core/statuses.ts';
import { BREAK_TYPES, ROOT_CAUSES, resolutionSchema } from '../core/taxonomy/index.ts';

const ids = z.array(z.string().min(1));

export const predictedBreakSchema = z.object({
  external: ids,
  internal: ids,
  type: z.enum(BREAK_TYPES),
  cause: z.enum(ROOT_CAUSES),
  resolution: resolutionSchema,
  confidence: z.number().min(0).max(1),
  source: z.string().optional(),
  verified: z.boolean().optional(),
  fallbackReason: z.string().optional(),
  /** Which answer this was (`rules@…` or the prompts' versions) and the model: the calibration key. */
  promptVersion: z.string().optional(),
  model: z.string().optional(),
});
export type PredictedBreak = z.output<typeof predictedBreakSchema>;

export const predictionSchema = z.object({
  id: z.string().min(1),
  mode: z.enum(AGENT_MODES),
  matches: z.array(z.object({ external: ids, internal: ids, confidence: z.number().min(0).max(1).optional() })),
  breaks: z.array(predictedBreakSchema),
  usage: z.object({ tokensIn: z.number().int(), tokensOut: z.number().int(), cost: z.string(), latencyMs: z.number() }).optional(),
});
export type Prediction = z.output<typeof predictionSchema>;
