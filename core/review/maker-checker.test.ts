import { describe, expect, it } from 'vitest';
import { approvalsNeeded, assertApproval, checkApproval } from './maker-checker.ts';

const base = { approverId: 'anna', versionAuthor: 'rules', priorApprovers: [] as string[], amountAtStake: '1000.00' };

describe('maker-checker', () => {
  it('needs one approver at or below the threshold, two above it, one when none is set', () => {
    expect(approvalsNeeded('1000.00', undefined)).toBe(1);
    expect(approvalsNeeded('1000.00', '1000')).toBe(1);
    expect(approvalsNeeded('1000.01', '1000')).toBe(2);
  });

  it('completes with one approval below the threshold', () => {
    expect(checkApproval({ ...base, twoApproverAbove: '5000' })).toEqual({ ok: true, have: 1, need: 1, complete: true });
  });

  it('records a first of two approvals above the threshold, completed by a different approver', () => {
    expect(checkApproval({ ...base, twoApproverAbove: '500' })).toEqual({ ok: true, have: 1, need: 2, complete: false });
    expect(checkApproval({ ...base, approverId: 'ben', priorApprovers: ['anna'], twoApproverAbove: '500' })).toEqual({ ok: true, have: 2, need: 2, complete: true });
  });

  it('refuses the same approver twice', () => {
    expect(checkApproval({ ...base, priorApprovers: ['anna'], twoApproverAbove: '500' })).toMatchObject({ ok: false, refusal: 'already_approved' });
  });

  it('refuses approving a version one wrote, as a 403', () => {
    expect(checkApproval({ ...base, versionAuthor: 'anna' })).toMatchObject({ ok: false, refusal: 'own_edit' });
    expect(() => assertApproval({ ...base, versionAuthor: 'anna' })).toThrow(expect.objectContaining({ code: 'forbidden', details: { refusal: 'own_edit' } }));
  });
});
