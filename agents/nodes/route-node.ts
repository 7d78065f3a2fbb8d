/**
 * Before the fan-out: look up reviewer memory for every fingerprint of the
 * run at once (one query, not one per break), and decide where to go next.
 */
import type { RunDeps } from '../agent-ports.ts';
import type { RunStateUpdate, RunStateValue } from '../graph/run-state.ts';

export function routeNode(deps: RunDeps) {
  return async (state: RunStateValue): Promise<RunStateUpdate> => {
    if (state.breaks.length === 0) return { memory: {} };
    const fingerprints = [...new Set(state.breaks.map((b) => b.fingerprint))];
    const remembered = await deps.store.rememberedDecisions(fingerprints);
    deps.onProgress?.({ phase: 'agents', done: 0, total: state.breaks.length });
    return { memory: Object.fromEntries(remembered) };
  };
}
