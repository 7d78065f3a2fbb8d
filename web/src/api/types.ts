/**
 * Response types of the API as the browser sees them. Type-only imports from
 * the server's own definitions keep the two in step: a change of the API's
 * shape breaks the web build instead of a page at runtime. No server code is
 * bundled, since type imports are erased.
 */
import type { ErrorBody } from '../../../api/errors/error-handler.ts';
import type { CheckResult, CheckStatus, HealthReport } from '../../../api/routes/health.ts';

export type { CheckResult, CheckStatus, ErrorBody, HealthReport };

/** Overall service state reported by `GET /api/health`. */
export type HealthState = HealthReport['status'];
