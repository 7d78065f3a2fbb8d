/** What a role may do in the review app; the API checks the same order (viewer < reviewer < approver < admin). */
import type { UserRole } from '../api/types.ts';

const RANK: Readonly<Record<UserRole, number>> = { viewer: 0, reviewer: 1, approver: 2, admin: 3 };

const atLeast = (role: UserRole | undefined, least: UserRole): boolean => role !== undefined && RANK[role] >= RANK[least];

/** Reject, escalate and edit need a reviewer. */
export const canReview = (role: UserRole | undefined): boolean => atLeast(role, 'reviewer');

/** Approve (and bulk approve) need an approver. */
export const canApprove = (role: UserRole | undefined): boolean => atLeast(role, 'approver');
