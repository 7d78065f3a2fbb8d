/** Runs: start, list, detail with stats, live progress over Server-Sent Events. */
import type { ApiDeps } from '../api-deps.ts';
import type { RouteSpec } from '../routing/route.ts';

// TODO(#6): the routes of this resource.
export function runRoutes(_deps: ApiDeps): RouteSpec[] {
  return [];
}
