/**
 * Last step of a chunk: combine the three agents' answers (or reviewer
 * memory) into one suggestion per break and verify it deterministically. An
 * LLM resolution that fails verification gives way to the rules' resolution
 * when that one verifies — the reviewer then sees a checked proposal, and the
 * reason is recorded; when neither verifies, the suggestion stays, marked.
 */
import type { Classification, ResolutionProposal, RootCauseFinding } from '../../core/breaks/agent-outputs.ts';
import type { BreakContext } from '../../core/breaks/break-context.ts';
import { rebindResolution } from '../../core/breaks/rebind-resolution.ts';
import type { BreakSuggestion, TokenUsage } from '../../core/breaks/suggestion.ts';
import { amountAtStake } from '../../core/breaks/amount-at-stake.ts';
import type { RememberedDecision } from '../../core/ports/run-store.ts';
import { isCauseOfType } from '../../core/taxonomy/root-causes.ts';
import type { AgentName } from '../../core/breaks/agent-outputs.ts';
import type { RunDeps } from '../agent-ports.ts';
import type { ChunkStateUpdate, ChunkStateValue, StepResult } from '../graph/chunk-state.ts';
import type { BreakResult } from '../graph/run-state.ts';

function fromMemory(context: BreakContext, memory: RememberedDecision, deps: RunDeps): BreakResult {
  const resolution = rebindResolution(memory.resolution, context);
  const verification = deps.rules.verify(context, memory.type, resolution);
  const note = `approved by reviewers ${memory.approvals} time${memory.approvals === 1 ? '' : 's'} for breaks like this one`;
  const suggestion: BreakSuggestion = {
    breakId: context.id,
    fingerprint: context.fingerprint,
    type: memory.type,
    cause: memory.cause,
    resolution,
    // Memory is as sure as the people behind it, and no surer than certain.
    confidence: Math.min(0.99, 0.9 + 0.03 * memory.approvals),
    rationale: { classify: note, rootCause: note, suggest: note },
    evidence: [`fingerprint ${context.fingerprint}`],
    source: 'memory',
    verification,
    promptVersion: 'memory',
    tokens: {},
  };
  return { suggestion, rulesAgree: true, amountAtStake: amountAtStake(context) };
}

interface Steps {
  readonly classify: StepResult<Classification>;
  readonly rootCause: StepResult<RootCauseFinding>;
  readonly suggest: StepResult<ResolutionProposal>;
}

/** The weakest step's confidence, through the fitted calibration of these versions when one is wired. */
function calibrated(deps: RunDeps, raw: number, source: string, promptVersion: string, model: string | undefined): number {
  return deps.calibration ? deps.calibration.calibrate(raw, { source, promptVersion, ...(model ? { model } : {}) }) : raw;
}

function combine(context: BreakContext, steps: Steps, deps: RunDeps): BreakResult {
  const type = steps.classify.output.type;
  const cause = isCauseOfType(steps.rootCause.output.cause, type) ? steps.rootCause.output.cause : 'unknown';
  let proposal = steps.suggest.output;
  let verification = deps.rules.verify(context, type, proposal.resolution);
  let fallbackReason = steps.classify.fallbackReason ?? steps.rootCause.fallbackReason ?? steps.suggest.fallbackReason;
  let routing = [steps.classify.routing, steps.rootCause.routing, steps.suggest.routing].filter(Boolean).join('; ');
  const sources = [steps.classify, steps.rootCause, steps.suggest].map((s) => s.source);
  if (!verification.ok && steps.suggest.source !== 'rules') {
    const rulesVerification = deps.rules.verify(context, type, steps.suggest.rules.resolution);
    if (rulesVerification.ok) {
      proposal = steps.suggest.rules;
      verification = rulesVerification;
      fallbackReason ??= 'invalid_output';
      routing = `${routing}; the LLM's resolution failed verification, the rules' passed`;
    }
  }
  const tokens: Partial<Record<AgentName, TokenUsage>> = {};
  for (const [agent, step] of Object.entries(steps) as [AgentName, StepResult<{ confidence: number }>][]) if (step.tokens) tokens[agent] = step.tokens;
  const model = steps.classify.model ?? steps.rootCause.model ?? steps.suggest.model;
  const source = sources.includes('llm') ? 'llm' : sources.includes('cache') ? 'cache' : 'rules';
  const promptVersion = [steps.classify, steps.rootCause, steps.suggest].map((s) => s.promptVersion).join(',');
  const rawConfidence = Math.min(steps.classify.output.confidence, steps.rootCause.output.confidence, proposal.confidence);
  const suggestion: BreakSuggestion = {
    breakId: context.id,
    fingerprint: context.fingerprint,
    type,
    cause,
    resolution: proposal.resolution,
    confidence: calibrated(deps, rawConfidence, source, promptVersion, model),
    rationale: { classify: steps.classify.output.rationale, rootCause: steps.rootCause.output.rationale, suggest: proposal.rationale },
    evidence: [...new Set([...steps.classify.output.evidence, ...steps.rootCause.output.evidence])],
    source,
    ...(fallbackReason ? { fallbackReason } : {}),
    ...(routing ? { routing } : {}),
    verification,
    ...(model ? { model } : {}),
    promptVersion,
    tokens,
  };
  const rulesAgree = steps.classify.rules.type === type && steps.suggest.rules.resolution.action === proposal.resolution.action;
  return { suggestion, rulesAgree, rawConfidence, amountAtStake: amountAtStake(context) };
}

export function verifyNode(deps: RunDeps) {
  return (state: ChunkStateValue): ChunkStateUpdate => {
    const classified = new Map(state.classified.map((s) => [s.breakId, s]));
    const causes = new Map(state.causes.map((s) => [s.breakId, s]));
    const proposals = new Map(state.proposals.map((s) => [s.breakId, s]));
    const remembered = new Set(state.remembered);
    const results = state.chunk.map((context) => {
      if (remembered.has(context.id)) return fromMemory(context, state.memory[context.fingerprint]!, deps);
      return combine(context, { classify: classified.get(context.id)!, rootCause: causes.get(context.id)!, suggest: proposals.get(context.id)! }, deps);
    });
    for (const r of results) deps.metrics?.suggestion(r.suggestion.source);
    return { results };
  };
}
