/**
 * First agent of a chunk. Breaks that reviewer memory already answers (enough
 * agreeing approvals for the same fingerprint) skip all three agents; the rest
 * are classified by the rules and, as the mode says, the LLM.
 */
import type { BreakContext } from '../../core/breaks/break-context.ts';
import type { RunDeps, RunSettings } from '../agent-ports.ts';
import type { ChunkStateUpdate, ChunkStateValue } from '../graph/chunk-state.ts';
import { runAgentStep, stepSettings } from './agent-step.ts';

export function classifyNode(deps: RunDeps, settings: RunSettings) {
  return async (state: ChunkStateValue): Promise<ChunkStateUpdate> => {
    const remembered: string[] = [];
    const pending: { context: BreakContext }[] = [];
    for (const context of state.chunk) {
      const memory = state.memory[context.fingerprint];
      if (memory && memory.approvals >= settings.memoryMinApprovals) remembered.push(context.id);
      else pending.push({ context });
    }
    const step = await runAgentStep({
      agent: 'classify',
      items: pending,
      ...stepSettings(deps, settings),
      rules: (item) => deps.rules.classify(item.context),
      ...(deps.llm ? { llm: (items: readonly { context: BreakContext }[]) => deps.llm!.classify(items.map((i) => i.context)) } : {}),
      upstream: () => '',
    });
    return { remembered, classified: step.results, usage: step.usage };
  };
}
