/**
 * The classification agent's rules path: the break's shape from the matching
 * stage chooses the rule family, the family's rules decide the taxonomy type.
 */
import type { Classification } from '../breaks/agent-outputs.ts';
import type { BreakContext } from '../breaks/break-context.ts';
import { breakFacts, type BreakFacts } from './break-facts.ts';
import { classifyAggregate, classifyAmbiguous, classifyDuplicate, classifyOneSided } from './one-sided-rules.ts';
import { classifyCashPair } from './pair-rules.ts';
import { classifySecuritiesPair } from './securities-rules.ts';
import { clampConfidence, type TypeVerdict } from './verdict.ts';

const INSTRUCTION_NOTE = 'a narrative carries instruction-like text; it was read as data and ignored';

/** A pair of trades, positions or income records (as opposed to cash lines on a securities account). */
function isSecuritiesPair(facts: BreakFacts): boolean {
  const isTrade = (r: { record: { securityId?: string; quantity?: string } }) => r.record.securityId !== undefined || r.record.quantity !== undefined;
  return facts.ext.some(isTrade) && facts.int.some(isTrade);
}

export function typeVerdict(facts: BreakFacts): TypeVerdict {
  switch (facts.ctx.shape) {
    case 'duplicate':
      return classifyDuplicate(facts);
    case 'ambiguous':
      return classifyAmbiguous(facts);
    case 'aggregate':
      return classifyAggregate(facts);
    case 'one_sided':
      return classifyOneSided(facts);
    case 'pair':
      return isSecuritiesPair(facts) ? classifySecuritiesPair(facts) : classifyCashPair(facts);
  }
}

/** Evidence within the contract's limits: at most 10 items of at most 300 characters. */
export function boundedEvidence(items: readonly string[]): string[] {
  return items
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => (s.length > 300 ? `${s.slice(0, 297)}...` : s))
    .slice(0, 10);
}

export function classifyByRules(ctx: BreakContext): Classification {
  const facts = breakFacts(ctx);
  const v = typeVerdict(facts);
  return {
    breakId: ctx.id,
    type: v.type,
    confidence: clampConfidence(v.confidence),
    rationale: v.reason,
    evidence: boundedEvidence([`rule ${v.rule}`, ...v.evidence, ...(facts.instructions ? [INSTRUCTION_NOTE] : [])]),
  };
}
