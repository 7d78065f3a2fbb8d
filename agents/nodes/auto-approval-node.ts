/** The auto-approval policy over every break of the run (pure: `core/review/auto-approval.ts`). */
import { decideAutoApproval } from '../../core/review/auto-approval.ts';
import type { RunSettings } from '../agent-ports.ts';
import type { RunStateUpdate, RunStateValue } from '../graph/run-state.ts';

export function autoApprovalNode(settings: RunSettings) {
  return (state: RunStateValue): RunStateUpdate => ({
    approvals: state.results.filter((r) => decideAutoApproval(r, settings.autoApproval).approve).map((r) => r.suggestion.breakId),
  });
}
