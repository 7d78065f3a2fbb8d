/**
 * Response types of the API as the browser sees them. Kept in step with the
 * server by the type-only imports below: a change there breaks the build here.
 */
import type { ErrorBody } from '../../../api/errors/error-handler.ts';
import type { HealthReport } from '../../../api/routes/health.ts';

export type { ErrorBody, HealthReport };
