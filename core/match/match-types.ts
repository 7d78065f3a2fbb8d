/** What the matching stage produces: match groups and breaks, each with evidence. */
import type { MatchPass } from '../statuses.ts';

export interface FieldDifference {
  readonly field: string;
  readonly external: string | null;
  readonly internal: string | null;
  /** For numbers and dates: internal → external, e.g. "-15.00" or "3 days". */
  readonly delta?: string;
}

export interface Evidence {
  readonly pass: MatchPass;
  /** Fields on which the two sides agree. */
  readonly agreed: readonly string[];
  readonly differences: readonly FieldDifference[];
  /** How sure the engine is that the records belong together, 0–1. */
  readonly score: number;
  readonly note?: string;
}

/** Auto-cleared: the records tie exactly and share a reference inside the window. */
export interface MatchGroup {
  readonly external: readonly string[];
  readonly internal: readonly string[];
  readonly evidence: Evidence;
}

/**
 * Structural kinds the engine can tell apart; the classification agent turns
 * them into taxonomy types and causes.
 */
export const BREAK_SHAPES = ['pair', 'aggregate', 'one_sided', 'ambiguous', 'duplicate'] as const;
export type BreakShape = (typeof BREAK_SHAPES)[number];

export interface MatchBreak {
  readonly shape: BreakShape;
  readonly external: readonly string[];
  readonly internal: readonly string[];
  /** sum(external) − sum(internal), in the records' currency when they share one. */
  readonly difference: string | null;
  readonly currency: string | null;
  readonly evidence: Evidence;
}

export interface MatchResult {
  readonly matches: readonly MatchGroup[];
  readonly breaks: readonly MatchBreak[];
}
