/** What a classification rule concludes, before it is shaped into the agent contract. */
import type { BreakType } from '../taxonomy/break-types.ts';
import type { RootCause } from '../taxonomy/root-causes.ts';
import type { BreakFacts } from './break-facts.ts';
import { familyNames } from './narrative-keywords.ts';

export interface TypeVerdict {
  readonly type: BreakType;
  /**
   * How often this rule is right. Set from the rule's accuracy on generated
   * cases (rules-accuracy.test.ts), shrunk toward what real statements allow,
   * since generated narratives are cleaner than banks'; evaluation reports
   * recalibrate per rule id.
   */
  readonly confidence: number;
  /** Stable rule id, e.g. `pair.sign_flip`: evaluation reports calibrate per rule. */
  readonly rule: string;
  readonly reason: string;
  readonly evidence: readonly string[];
}

export interface CauseVerdict {
  readonly cause: RootCause;
  readonly confidence: number;
  readonly rule: string;
  readonly reason: string;
  readonly evidence: readonly string[];
}

export function verdict(type: BreakType, confidence: number, rule: string, reason: string, evidence: readonly string[] = []): TypeVerdict {
  return { type, confidence, rule, reason, evidence };
}

export function causeVerdict(cause: RootCause, confidence: number, rule: string, reason: string, evidence: readonly string[] = []): CauseVerdict {
  return { cause, confidence, rule, reason, evidence };
}

/** "keywords: fee, custody" for the families a side's narratives mention, or nothing. */
export function keywordEvidence(flags: number): string[] {
  const names = familyNames(flags);
  return names.length > 0 ? [`keywords: ${names.join(', ')}`] : [];
}

/** The (instruction-free, folded) narrative of the first record, quoted briefly. */
export function narrativeEvidence(facts: BreakFacts): string[] {
  const first = [...facts.ext, ...facts.int].find((r) => r.narrative !== '');
  if (!first) return [];
  const text = first.narrative.length > 80 ? `${first.narrative.slice(0, 77)}...` : first.narrative;
  return [`narrative: "${text}"`];
}

/** Confidence kept inside [0.05, 0.99]: rules are never certain, and never worthless when they answer. */
export function clampConfidence(value: number): number {
  return Math.round(Math.min(0.99, Math.max(0.05, value)) * 100) / 100;
}
