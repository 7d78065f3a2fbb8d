/** Reconciliations: the configured account pairs with tolerances, windows and schedule. */
import type { ApiDeps } from '../api-deps.ts';
import type { RouteSpec } from '../routing/route.ts';

// TODO(#6): the routes of this resource.
export function reconciliationRoutes(_deps: ApiDeps): RouteSpec[] {
  return [];
}
