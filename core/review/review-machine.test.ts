import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { EXCEPTION_STATUSES, type ExceptionStatus } from '../statuses.ts';
import { APPLICABLE_STATUSES, APPROVABLE_STATUSES, nextStatus, REVIEW_ACTIONS, transition, type ReviewAction } from './review-machine.ts';

/** The whole table, written out once more by hand: every pair not listed is illegal. */
const LEGAL: Readonly<Record<ExceptionStatus, Partial<Record<ReviewAction, ExceptionStatus>>>> = {
  open: { edit: 'edited', reject: 'rejected', escalate: 'escalated' },
  suggested: { approve: 'approved', edit: 'edited', reject: 'rejected', escalate: 'escalated', auto_approve: 'approved' },
  edited: { approve: 'approved', edit: 'edited', reject: 'rejected', escalate: 'escalated' },
  escalated: { approve: 'approved', edit: 'edited', reject: 'rejected' },
  rejected: { edit: 'edited', escalate: 'escalated' },
  approved: { apply: 'applied', apply_fail: 'apply_failed' },
  apply_failed: { apply: 'applied', apply_fail: 'apply_failed', edit: 'edited', reject: 'rejected', escalate: 'escalated' },
  applied: {},
};

const pairs = EXCEPTION_STATUSES.flatMap((from) => REVIEW_ACTIONS.map((action) => ({ from, action, to: LEGAL[from][action] })));

describe('review state machine', () => {
  it.each(pairs.filter((p) => p.to !== undefined))('$from --$action--> $to', ({ from, action, to }) => {
    expect(transition(from, action)).toEqual({ ok: true, to });
    expect(nextStatus(from, action)).toBe(to);
  });

  it.each(pairs.filter((p) => p.to === undefined))('$from refuses $action with a 409 carrying the state', ({ from, action }) => {
    expect(transition(from, action).ok).toBe(false);
    let thrown: unknown;
    try {
      nextStatus(from, action);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: 'illegal_transition', details: { status: from, action } });
  });

  it('keeps the status on the first of two approvals', () => {
    for (const from of ['suggested', 'edited', 'escalated'] as const) expect(nextStatus(from, 'approve', { approvalComplete: false })).toBe(from);
  });

  it('escalates when the approved resolution is an escalation, and refuses that on an escalated exception', () => {
    expect(nextStatus('suggested', 'approve', { resolutionAction: 'escalate' })).toBe('escalated');
    expect(nextStatus('edited', 'approve', { resolutionAction: 'escalate' })).toBe('escalated');
    expect(nextStatus('suggested', 'approve', { resolutionAction: 'escalate', approvalComplete: false })).toBe('suggested');
    expect(() => nextStatus('escalated', 'approve', { resolutionAction: 'escalate' })).toThrow(expect.objectContaining({ code: 'illegal_transition' }));
    expect(nextStatus('escalated', 'approve', { resolutionAction: 'post_journal' })).toBe('approved');
  });

  it('lists where approvals and applies may start', () => {
    expect([...APPROVABLE_STATUSES].sort()).toEqual(['edited', 'escalated', 'suggested']);
    expect([...APPLICABLE_STATUSES].sort()).toEqual(['apply_failed', 'approved']);
  });
});
