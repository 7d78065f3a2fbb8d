/**
 * Decisions from the queue, optimistic: the row leaves at once and comes
 * back, where it was, when the server refuses, with the reason in words.
 * A 409 means someone else decided first (or the exception moved on): the
 * message says so and the row shows its server state after a reload.
 */
import { createSignal } from 'solid-js';
import { ApiError } from '../api/client.ts';
import { approveException, bulkApprove, PartialBulkApproval, rejectException } from '../api/exceptions-api.ts';
import type { ApproveResponse, BulkApproveResponse, DecisionResponse, ExceptionListItem } from '../api/types.ts';
import type { QueueData } from './queue-data.ts';

export interface Notice {
  readonly kind: 'error' | 'ok';
  readonly text: string;
}

export interface DecisionCalls {
  approve(id: string, expectedVersion: number): Promise<ApproveResponse>;
  reject(id: string, expectedVersion: number, reason: string): Promise<DecisionResponse>;
  bulkApprove(ids: readonly string[]): Promise<BulkApproveResponse>;
}

export const API_DECISIONS: DecisionCalls = { approve: approveException, reject: rejectException, bulkApprove };

/** A refusal in words a reviewer can act on. */
export function refusalMessage(error: unknown, what: string): string {
  if (!(error instanceof ApiError)) return `Could not ${what}: ${error instanceof Error ? error.message : String(error)}`;
  if (error.status === 409) {
    const status = typeof error.body?.details?.status === 'string' ? error.body.details.status.replace(/_/g, ' ') : undefined;
    return `Someone else decided this exception first${status ? ` (it is now ${status})` : ''}. Your ${what} was not saved and the row is back as it was; reload to see the latest.`;
  }
  if (error.status === 403) return `You may not ${what} this exception: ${error.message}`;
  if (error.status === 401) return `Your session has ended: log in again to ${what}.`;
  if (error.status === 0) return `Could not ${what}: the API could not be reached. Nothing was changed.`;
  return `Could not ${what}: ${error.message}`;
}

export function createQueueActions(data: QueueData, calls: DecisionCalls = API_DECISIONS) {
  const [notice, setNotice] = createSignal<Notice>();
  const [pending, setPending] = createSignal(0);
  const track = async <T>(work: () => Promise<T>): Promise<T> => {
    setPending((n) => n + 1);
    try {
      return await work();
    } finally {
      setPending((n) => n - 1);
    }
  };

  async function approve(item: ExceptionListItem): Promise<boolean> {
    if (!item.verified || item.action === null) {
      setNotice({ kind: 'error', text: item.action === null ? 'There is no suggestion to approve yet.' : 'Only a verified suggestion can be approved: open it and edit the resolution until it verifies.' });
      return false;
    }
    const restore = data.takeOut([item.id]);
    try {
      const answer = await track(() => calls.approve(item.id, item.version));
      if (!answer.complete) {
        restore();
        data.update(item.id, { status: answer.exception.status, version: answer.exception.version });
        setNotice({ kind: 'ok', text: `Approval ${answer.approvals.have} of ${answer.approvals.need} recorded for ${item.typeLabel} on ${item.account}: it waits for a second approver.` });
      } else {
        const applied = answer.apply?.status === 'applied' ? ' and applied' : answer.apply?.status === 'apply_failed' ? `, but applying failed: ${answer.apply.reason ?? 'see the exception'}` : '';
        setNotice({ kind: 'ok', text: `Approved${applied}: ${item.typeLabel} on ${item.account}.` });
      }
      return true;
    } catch (error) {
      restore();
      setNotice({ kind: 'error', text: refusalMessage(error, 'approval') });
      return false;
    }
  }

  async function reject(item: ExceptionListItem, reason: string): Promise<boolean> {
    const restore = data.takeOut([item.id]);
    try {
      await track(() => calls.reject(item.id, item.version, reason));
      setNotice({ kind: 'ok', text: `Rejected: ${item.typeLabel} on ${item.account}.` });
      return true;
    } catch (error) {
      restore();
      setNotice({ kind: 'error', text: refusalMessage(error, 'rejection') });
      return false;
    }
  }

  /** Verified suggestions only (the API skips the rest anyway); the skipped ones come back with the reason counted. */
  async function approveMany(items: readonly ExceptionListItem[]): Promise<void> {
    const eligible = items.filter((i) => i.verified && i.action !== null);
    const left = items.length - eligible.length;
    if (eligible.length === 0) {
      setNotice({ kind: 'error', text: 'None of the selected exceptions has a verified suggestion to approve.' });
      return;
    }
    const restore = data.takeOut(eligible.map((i) => i.id));
    try {
      const answer = await track(() => calls.bulkApprove(eligible.map((i) => i.id)));
      const back = new Set([...answer.skipped.map((s) => s.id), ...answer.pending.map((p) => p.id)]);
      if (back.size > 0) {
        restore();
        const done = eligible.filter((i) => !back.has(i.id)).map((i) => i.id);
        data.takeOut(done);
        for (const p of answer.pending) data.update(p.id, { status: p.status as ExceptionListItem['status'], version: p.version });
      }
      const parts = [`Approved ${answer.approved.length}`];
      if (answer.pending.length > 0) parts.push(`${answer.pending.length} wait for a second approver`);
      if (answer.skipped.length > 0) parts.push(`${answer.skipped.length} skipped (${[...new Set(answer.skipped.map((s) => s.message))].slice(0, 2).join('; ')})`);
      if (left > 0) parts.push(`${left} not verified, left in the queue`);
      setNotice({ kind: answer.skipped.length > 0 ? 'error' : 'ok', text: `${parts.join(', ')}.` });
    } catch (error) {
      restore();
      if (error instanceof PartialBulkApproval) {
        // The calls before the failing one went through: those rows stay out of the queue.
        data.takeOut(error.done.approved.map((a) => a.id));
        for (const p of error.done.pending) data.update(p.id, { status: p.status as ExceptionListItem['status'], version: p.version });
        setNotice({ kind: 'error', text: `Approved ${error.done.approved.length}; the rest are back in the queue. ${refusalMessage(error.cause, 'approve the rest')}` });
        return;
      }
      setNotice({ kind: 'error', text: refusalMessage(error, 'bulk approval') });
    }
  }

  return { notice, setNotice, pending, approve, reject, approveMany };
}
