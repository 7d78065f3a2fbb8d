/**
 * What leaves the agent graph for every break: the three agents' answers
 * combined, where they came from, and whether the resolution verified.
 * JSON-plain; persisted as an exception plus a suggestion version.
 */
import type { Resolution } from '../taxonomy/actions.ts';
import type { BreakType } from '../taxonomy/break-types.ts';
import type { RootCause } from '../taxonomy/root-causes.ts';
import type { FallbackReason, SuggestionSource } from '../statuses.ts';
import type { AgentName } from './agent-outputs.ts';
import type { VerificationResult } from './verification.ts';

export interface TokenUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
}

export interface BreakSuggestion {
  readonly breakId: string;
  readonly fingerprint: string;
  readonly type: BreakType;
  readonly cause: RootCause;
  readonly resolution: Resolution;
  /** The least sure of the three agents: a suggestion is as good as its weakest step. */
  readonly confidence: number;
  readonly rationale: { readonly classify: string; readonly rootCause: string; readonly suggest: string };
  readonly evidence: readonly string[];
  readonly source: Exclude<SuggestionSource, 'human'>;
  /** Why the LLM path was not used where it was wanted. */
  readonly fallbackReason?: FallbackReason;
  /** Hybrid mode: why this break went to the LLM (or stayed with the rules). */
  readonly routing?: string;
  readonly verification: VerificationResult;
  readonly model?: string;
  /** `classify@1.0.0,rootCause@1.0.0,suggest@1.0.0` for LLM answers, `rules@<version>` otherwise. */
  readonly promptVersion: string;
  /** This break's share of the LLM calls' tokens, per agent. */
  readonly tokens: Partial<Record<AgentName, TokenUsage>>;
}
