/**
 * The output contract of the three agents. The LLM path and the rules path
 * (`core/rules`) both produce exactly these shapes, so the graph never cares
 * which one answered. Confidence is 0–1 and is meant to be calibrated: "0.9"
 * should be right nine times in ten.
 */
import { z } from 'zod';
import { BREAK_TYPES, ROOT_CAUSES, resolutionSchema } from '../taxonomy/index.ts';

const breakId = z.string().min(1).max(100);
const confidence = z.number().min(0).max(1);
const rationale = z.string().trim().min(1).max(1000);
/** Short quotes or facts the answer rests on ("difference -15.00 = wire fee schedule"). */
const evidence = z.array(z.string().trim().min(1).max(300)).max(10);

export const classificationSchema = z.object({ breakId, type: z.enum(BREAK_TYPES), confidence, rationale, evidence });
export type Classification = z.infer<typeof classificationSchema>;

export const rootCauseSchema = z.object({ breakId, cause: z.enum(ROOT_CAUSES), confidence, rationale, evidence });
export type RootCauseFinding = z.infer<typeof rootCauseSchema>;

export const resolutionProposalSchema = z.object({ breakId, resolution: resolutionSchema, confidence, rationale });
export type ResolutionProposal = z.infer<typeof resolutionProposalSchema>;

export const AGENT_NAMES = ['classify', 'rootCause', 'suggest'] as const;
export type AgentName = (typeof AGENT_NAMES)[number];
