/** Decisions: approve, edit, reject, escalate, bulk approve; through the review state machine. */
import type { ApiDeps } from '../api-deps.ts';
import type { RouteSpec } from '../routing/route.ts';

// TODO(#6): the routes of this resource.
export function decisionRoutes(_deps: ApiDeps): RouteSpec[] {
  return [];
}
