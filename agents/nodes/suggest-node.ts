/** Third agent: a resolution for each break, given its type and cause. */
import type { RunDeps, RunSettings, SuggestItem } from '../agent-ports.ts';
import type { ChunkStateUpdate, ChunkStateValue } from '../graph/chunk-state.ts';
import { runAgentStep, stepSettings } from './agent-step.ts';

export function suggestNode(deps: RunDeps, settings: RunSettings) {
  return async (state: ChunkStateValue): Promise<ChunkStateUpdate> => {
    const contexts = new Map(state.chunk.map((c) => [c.id, c]));
    const causes = new Map(state.causes.map((c) => [c.breakId, c.output]));
    const items: SuggestItem[] = state.classified.map((c) => ({ context: contexts.get(c.breakId)!, classification: c.output, rootCause: causes.get(c.breakId)! }));
    const step = await runAgentStep({
      agent: 'suggest',
      items,
      ...stepSettings(deps, settings),
      rules: (item) => deps.rules.suggest(item.context, item.classification, item.rootCause),
      ...(deps.llm ? { llm: (batch: readonly SuggestItem[]) => deps.llm!.suggest(batch) } : {}),
      upstream: (item) => `${item.classification.type}/${item.rootCause.cause}`,
    });
    return { proposals: step.results, usage: step.usage };
  };
}
