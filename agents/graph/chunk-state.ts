/**
 * State of one fan-out chunk (a few breaks) on its way through the three
 * agents and verification. JSON-plain like the run state.
 */
import { Annotation } from '@langchain/langgraph';
import type { BreakContext } from '../../core/breaks/break-context.ts';
import type { Classification, ResolutionProposal, RootCauseFinding } from '../../core/breaks/agent-outputs.ts';
import type { TokenUsage } from '../../core/breaks/suggestion.ts';
import type { RememberedDecision } from '../../core/ports/run-store.ts';
import type { FallbackReason } from '../../core/statuses.ts';
import type { BreakResult } from './run-state.ts';
import { addUsageByAgent, type UsageByAgent } from './usage.ts';

/** One agent's answer for one break, with the rules' answer kept beside it. */
export interface StepResult<O> {
  readonly breakId: string;
  readonly output: O;
  readonly rules: O;
  readonly source: 'llm' | 'rules' | 'cache';
  readonly fallbackReason?: FallbackReason;
  /** Why the break went to the LLM or stayed with the rules. */
  readonly routing?: string;
  /** This break's share of the call's tokens. */
  readonly tokens?: TokenUsage;
  readonly model?: string;
  readonly promptVersion: string;
}

export interface ChunkInput {
  readonly chunk: readonly BreakContext[];
  /** Reviewer memory for the chunk's fingerprints. */
  readonly memory: Readonly<Record<string, RememberedDecision>>;
  /** Breaks in the whole run, for progress. */
  readonly total: number;
}

const last = <T>(initial: T) => Annotation<T>({ reducer: (_old: T, next: T) => next, default: () => initial });

export const ChunkState = Annotation.Root({
  chunk: last<BreakContext[]>([]),
  memory: last<Record<string, RememberedDecision>>({}),
  /** Breaks answered from reviewer memory: they skip the agents. */
  remembered: last<string[]>([]),
  classified: last<StepResult<Classification>[]>([]),
  causes: last<StepResult<RootCauseFinding>[]>([]),
  proposals: last<StepResult<ResolutionProposal>[]>([]),
  results: last<BreakResult[]>([]),
  usage: Annotation<UsageByAgent>({ reducer: addUsageByAgent, default: () => ({}) }),
});

export type ChunkStateValue = typeof ChunkState.State;
export type ChunkStateUpdate = typeof ChunkState.Update;
