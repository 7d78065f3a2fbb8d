/**
 * Stores every break with its suggestion (and, where the policy said so, its
 * auto-approval) in batches. The store is idempotent by break id, so a
 * resumed run writes each break once.
 */
import type { PersistedBreak } from '../../core/ports/run-store.ts';
import type { RunDeps } from '../agent-ports.ts';
import type { RunStateUpdate, RunStateValue } from '../graph/run-state.ts';

/** Breaks per store transaction: large enough to be fast, small enough to keep transactions short. */
const PERSIST_BATCH = 500;

const breakIndex = (id: string) => Number(id.slice(1));

export function persistNode(deps: RunDeps) {
  return async (state: RunStateValue): Promise<RunStateUpdate> => {
    const contexts = new Map(state.breaks.map((b) => [b.id, b]));
    const approved = new Set(state.approvals);
    // Chunks finish in any order; persist in the matching stage's order.
    const ordered = [...state.results].sort((a, b) => breakIndex(a.suggestion.breakId) - breakIndex(b.suggestion.breakId));
    const rows: PersistedBreak[] = ordered.map((r) => ({ context: contexts.get(r.suggestion.breakId)!, suggestion: r.suggestion, autoApproved: approved.has(r.suggestion.breakId) }));
    for (let i = 0; i < rows.length; i += PERSIST_BATCH) {
      await deps.store.saveBreaks(state.input.runId, rows.slice(i, i + PERSIST_BATCH));
      deps.onProgress?.({ phase: 'persist', done: Math.min(i + PERSIST_BATCH, rows.length), total: rows.length });
    }
    return {};
  };
}
