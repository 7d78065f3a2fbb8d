/**
 * The deterministic matching stage. Auto-cleared groups are stored right
 * away; breaks become agent inputs. The loaded records are dropped from the
 * state here, so the checkpoints after this step hold only the breaks.
 */
import { buildBreakContexts } from '../../core/breaks/break-context.ts';
import { matchConfigSchema } from '../../core/match/match-config.ts';
import { matchRecords } from '../../core/match/match-records.ts';
import type { RunDeps } from '../agent-ports.ts';
import type { RunStateUpdate, RunStateValue } from '../graph/run-state.ts';

export function matchNode(deps: RunDeps) {
  return async (state: RunStateValue): Promise<RunStateUpdate> => {
    const { input } = state;
    const records = state.records ?? { external: [], internal: [] };
    deps.onProgress?.({ phase: 'match', done: 0, total: records.external.length + records.internal.length });
    const config = matchConfigSchema.parse(input.matchConfig ?? {});
    const result = matchRecords(records, config);
    await deps.store.saveMatches(input.runId, result.matches);
    const byPass: Record<string, number> = {};
    let matchedRecords = 0;
    for (const g of result.matches) {
      byPass[g.evidence.pass] = (byPass[g.evidence.pass] ?? 0) + 1;
      matchedRecords += g.external.length + g.internal.length;
    }
    const breaks = buildBreakContexts({ result, external: records.external, internal: records.internal, asOf: input.asOf, domain: input.domain, config });
    return {
      records: null,
      breaks,
      matchSummary: { externalRecords: records.external.length, internalRecords: records.internal.length, matchGroups: result.matches.length, matchedRecords, byPass },
    };
  };
}
