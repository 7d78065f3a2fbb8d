/**
 * Maker-checker rules (DESIGN §6), pure:
 *
 * - Nobody approves a suggestion version they wrote: a person's edit is a new
 *   version whose author is that person, and its approval must come from
 *   someone else. Versions the agents wrote have no human author.
 * - Approvals count per suggestion version. An edit starts a new version, so
 *   approvals given to an older version no longer count.
 * - Above the configured amount at stake (`twoApproverAbove`, a decimal
 *   string; unset means never), two different approvers are needed. The
 *   first approval is recorded as a decision and the exception keeps its
 *   status (suggested / edited / escalated) with one approval of two; the
 *   second, by someone else, completes it and the exception is approved.
 * - One person counts once: approving the same version again is refused.
 *
 * Refusals are `forbidden` (HTTP 403): the request is well-formed and the
 * exception is in a state that takes approvals, but this caller may not give
 * this one. The auto-approval policy (`auto-approval.ts`) is the only way to
 * approve without a person, and runs in the agent graph, not here.
 */
import { AppError } from '../errors/app-error.ts';
import { compareDecimal, parseDecimal } from '../money/decimal.ts';

export interface ApprovalInput {
  readonly approverId: string;
  /** Who wrote the version being approved: a user id for human edits, an agent name otherwise. */
  readonly versionAuthor: string;
  /** Actors of the approvals already recorded for this same version. */
  readonly priorApprovers: readonly string[];
  /** The exception's gross amount at stake, never negative. */
  readonly amountAtStake: string;
  readonly twoApproverAbove?: string | undefined;
}

export type ApprovalRefusal = 'own_edit' | 'already_approved';

export type ApprovalVerdict =
  | { readonly ok: true; readonly have: number; readonly need: number; readonly complete: boolean }
  | { readonly ok: false; readonly refusal: ApprovalRefusal; readonly message: string };

/** How many different approvers an amount at stake needs. */
export function approvalsNeeded(amountAtStake: string, twoApproverAbove: string | undefined): 1 | 2 {
  if (twoApproverAbove === undefined) return 1;
  return compareDecimal(parseDecimal(amountAtStake), parseDecimal(twoApproverAbove)) > 0 ? 2 : 1;
}

export function checkApproval(input: ApprovalInput): ApprovalVerdict {
  if (input.versionAuthor === input.approverId) {
    return { ok: false, refusal: 'own_edit', message: 'You wrote this suggestion version; someone else has to approve it.' };
  }
  const prior = new Set(input.priorApprovers);
  if (prior.has(input.approverId)) {
    return { ok: false, refusal: 'already_approved', message: 'You already approved this suggestion version; the second approval has to come from someone else.' };
  }
  const need = approvalsNeeded(input.amountAtStake, input.twoApproverAbove);
  const have = prior.size + 1;
  return { ok: true, have, need, complete: have >= need };
}

/** The verdict, or `AppError('forbidden')` with the refusal in its details. */
export function assertApproval(input: ApprovalInput): Extract<ApprovalVerdict, { ok: true }> {
  const verdict = checkApproval(input);
  if (!verdict.ok) throw new AppError('forbidden', verdict.message, { details: { refusal: verdict.refusal } });
  return verdict;
}
