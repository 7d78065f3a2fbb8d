/** Auth: log in with a token (HttpOnly cookie), log out, who am I. */
import type { ApiDeps } from '../api-deps.ts';
import type { RouteSpec } from '../routing/route.ts';

// TODO(#6): the routes of this resource.
export function authRoutes(_deps: ApiDeps): RouteSpec[] {
  return [];
}
