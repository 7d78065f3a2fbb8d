/** Every declared API route, in one table: what the app mounts, OpenAPI documents and the role matrix test walks. */
import type { ApiDeps } from '../api-deps.ts';
import type { RouteSpec } from '../routing/route.ts';
import { adjustmentRoutes } from './adjustments.ts';
import { auditRoutes } from './audit.ts';
import { authRoutes } from './auth.ts';
import { dashboardRoutes } from './dashboard.ts';
import { decisionRoutes } from './decisions.ts';
import { evalRoutes } from './evals.ts';
import { exceptionRoutes } from './exceptions.ts';
import { importRoutes } from './imports.ts';
import { reconciliationRoutes } from './reconciliations.ts';
import { runRoutes } from './runs.ts';

export function routeTable(deps: ApiDeps): RouteSpec[] {
  return [
    ...authRoutes(deps),
    ...reconciliationRoutes(deps),
    ...importRoutes(deps),
    ...runRoutes(deps),
    ...exceptionRoutes(deps),
    ...decisionRoutes(deps),
    ...adjustmentRoutes(deps),
    ...auditRoutes(deps),
    ...dashboardRoutes(deps),
    ...evalRoutes(deps),
  ];
}
