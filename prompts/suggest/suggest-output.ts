/**
 * The resolution agent's answer as the LLM writes it. Core's resolution is a
 * discriminated union, which several OpenAI-compatible endpoints handle badly
 * as function parameters (oneOf/anyOf), so the model fills one flat object:
 * `action` plus every parameter of every action, all optional. The flat
 * object is derived from core's union (no hand-kept list) and converted back
 * with `toResolution`, which validates with core's `resolutionSchema`.
 */
import { z } from 'zod';
import { RESOLUTION_ACTIONS, resolutionSchema, type Resolution } from '../../core/taxonomy/actions.ts';

type Shape = Record<string, z.ZodType>;

function flatParameters(): Shape {
  const shape: Shape = {};
  for (const option of resolutionSchema.options) {
    for (const [key, schema] of Object.entries(option.shape as Shape)) {
      if (key === 'action' || key in shape) continue;
      shape[key] = schema.safeParse(undefined).success ? schema : schema.optional();
    }
  }
  return shape;
}

export const flatResolutionSchema = z.object({ action: z.enum(RESOLUTION_ACTIONS), ...flatParameters() });
export type FlatResolution = { action: (typeof RESOLUTION_ACTIONS)[number] } & Record<string, unknown>;

const breakId = z.string().min(1).max(100);
export const llmProposalSchema = z.object({
  breakId,
  resolution: flatResolutionSchema,
  confidence: z.number().min(0).max(1),
  rationale: z.string().trim().min(1).max(1000),
});

export const suggestOutputSchema = z.object({ results: z.array(llmProposalSchema) });
export type SuggestOutput = z.infer<typeof suggestOutputSchema>;

/** Keeps the parameters of the chosen action only, then validates with core's schema. */
export function toResolution(flat: FlatResolution): ReturnType<typeof resolutionSchema.safeParse> {
  const option = resolutionSchema.options.find((o) => o.shape.action.value === flat.action);
  const keys = option ? Object.keys(option.shape) : ['action'];
  const picked = Object.fromEntries(keys.filter((k) => flat[k] !== undefined && flat[k] !== null).map((k) => [k, flat[k]]));
  return resolutionSchema.safeParse(picked);
}

export type { Resolution };
