/** API dependencies for in-process tests: a database handle plus quiet, permissive defaults. */
import type { DatabaseHandle } from '../../db/client.ts';
import { createLogger } from '../../monitoring/logger.ts';
import type { ApiDeps } from '../api-deps.ts';

export function testApiDeps(db: DatabaseHandle, overrides: Partial<ApiDeps> = {}): ApiDeps {
  return {
    db,
    logger: createLogger({ level: 'silent' }),
    version: 'test',
    clock: () => new Date(),
    maxUploadBytes: 50 * 1024 * 1024,
    maxJsonBytes: 1024 * 1024,
    review: {},
    health: {},
    corsOrigins: [],
    rateLimitPerMinute: 100_000,
    ...overrides,
  };
}
