/** Audit log: filter entries, verify the hash chain. */
import type { ApiDeps } from '../api-deps.ts';
import type { RouteSpec } from '../routing/route.ts';

// TODO(#6): the routes of this resource.
export function auditRoutes(_deps: ApiDeps): RouteSpec[] {
  return [];
}
