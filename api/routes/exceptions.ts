/** Exceptions: the review queue (filters, sort, cursor pages) and one exception in full. */
import type { ApiDeps } from '../api-deps.ts';
import type { RouteSpec } from '../routing/route.ts';

// TODO(#6): the routes of this resource.
export function exceptionRoutes(_deps: ApiDeps): RouteSpec[] {
  return [];
}
