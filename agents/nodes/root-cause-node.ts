/** Second agent: the root cause of each classified break, given its type. */
import type { RunDeps, RunSettings, RootCauseItem } from '../agent-ports.ts';
import type { ChunkStateUpdate, ChunkStateValue } from '../graph/chunk-state.ts';
import { runAgentStep } from './agent-step.ts';

export function rootCauseNode(deps: RunDeps, settings: RunSettings) {
  return async (state: ChunkStateValue): Promise<ChunkStateUpdate> => {
    const contexts = new Map(state.chunk.map((c) => [c.id, c]));
    const items: RootCauseItem[] = state.classified.map((c) => ({ context: contexts.get(c.breakId)!, classification: c.output }));
    const step = await runAgentStep({
      agent: 'rootCause',
      items,
      mode: settings.mode,
      hybridThreshold: settings.hybridThreshold,
      rulesVersion: deps.rules.version,
      rules: (item) => deps.rules.rootCause(item.context, item.classification),
      ...(deps.llm ? { llm: (batch: readonly RootCauseItem[]) => deps.llm!.rootCause(batch) } : {}),
      upstream: (item) => item.classification.type,
      ...(deps.cache ? { cache: deps.cache } : {}),
      ...(deps.metrics ? { metrics: deps.metrics } : {}),
      now: () => deps.clock().getTime(),
    });
    return { causes: step.results, usage: step.usage };
  };
}
