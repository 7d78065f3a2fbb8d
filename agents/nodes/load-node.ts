/** Loads the batch's records from the injected source and opens the run in the store. */
import type { RunDeps, RunSettings } from '../agent-ports.ts';
import type { RunStateUpdate, RunStateValue } from '../graph/run-state.ts';

export function loadNode(deps: RunDeps, settings: RunSettings) {
  return async (state: RunStateValue): Promise<RunStateUpdate> => {
    const { input } = state;
    deps.onProgress?.({ phase: 'load', done: 0, total: 1 });
    await deps.store.startRun({
      runId: input.runId,
      domain: input.domain,
      asOf: input.asOf,
      mode: settings.mode,
      ...(input.reconciliationId ? { reconciliationId: input.reconciliationId } : {}),
      ...(input.jobId ? { jobId: input.jobId } : {}),
    });
    const records = await deps.loadRecords();
    return { startedAt: deps.clock().getTime(), records: { external: [...records.external], internal: [...records.internal] } };
  };
}
