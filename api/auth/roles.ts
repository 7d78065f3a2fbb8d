/**
 * Who may do what: roles are ordered, and a route names the least role it
 * needs (`public` routes need no token at all).
 */
import { USER_ROLES, type UserRole } from '../../core/statuses.ts';

export type RouteRole = UserRole | 'public';

/** The authenticated caller, set on the context by the auth middleware. */
export interface AuthUser {
  readonly id: string;
  readonly name: string;
  readonly role: UserRole;
  /** The token's id, for the per-token rate limit and the audit log. */
  readonly tokenId: string;
}

declare module 'hono' {
  interface ContextVariableMap {
    user: AuthUser | undefined;
  }
}

const RANK: Readonly<Record<UserRole, number>> = Object.fromEntries(USER_ROLES.map((r, i) => [r, i])) as Record<UserRole, number>;

/** viewer < reviewer < approver < admin */
export function hasRole(user: UserRole, required: UserRole): boolean {
  return RANK[user] >= RANK[required];
}
