/** Second agent: the root cause of each classified break, given its type. */
import type { RunDeps, RunSettings, RootCauseItem } from '../agent-ports.ts';
import type { ChunkStateUpdate, ChunkStateValue } from '../graph/chunk-state.ts';
import { runAgentStep, stepSettings } from './agent-step.ts';

export function rootCauseNode(deps: RunDeps, settings: RunSettings) {
  return async (state: ChunkStateValue): Promise<ChunkStateUpdate> => {
    const contexts = new Map(state.chunk.map((c) => [c.id, c]));
    const items: RootCauseItem[] = state.classified.map((c) => ({ context: contexts.get(c.breakId)!, classification: c.output }));
    const step = await runAgentStep({
      agent: 'rootCause',
      items,
      ...stepSettings(deps, settings),
      rules: (item) => deps.rules.rootCause(item.context, item.classification),
      ...(deps.llm ? { llm: (batch: readonly RootCauseItem[]) => deps.llm!.rootCause(batch) } : {}),
      upstream: (item) => item.classification.type,
    });
    return { causes: step.results, usage: step.usage };
  };
}
