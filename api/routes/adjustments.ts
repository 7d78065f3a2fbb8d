/** Adjustments: the journal entries applied resolutions produced; CSV export for the ERP. */
import type { ApiDeps } from '../api-deps.ts';
import type { RouteSpec } from '../routing/route.ts';

// TODO(#6): the routes of this resource.
export function adjustmentRoutes(_deps: ApiDeps): RouteSpec[] {
  return [];
}
