/**
 * Proves which services the suite runs against. On a developer machine with
 * nothing configured the embedded defaults are used; in CI
 * (RECON_REQUIRE_SERVICES=1) PostgreSQL and Redis must be configured and
 * reachable, or this fails.
 */
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from './test-db.ts';
import { testEnv } from './test-env.ts';

describe('services under test', () => {
  it('uses PostgreSQL when DATABASE_URL is set, PGlite otherwise', async () => {
    if (testEnv.requireServices) expect(testEnv.databaseUrl, 'DATABASE_URL must be set when RECON_REQUIRE_SERVICES=1').toBeTruthy();
    const handle = await openTestDatabase();
    try {
      expect(handle.kind).toBe(testEnv.databaseUrl ? 'postgres' : 'pglite');
      const ping = await handle.ping();
      expect(ping.ok).toBe(true);
    } finally {
      await handle.close();
    }
  });

  it('reaches Redis when REDIS_URL is set', async (ctx) => {
    if (!testEnv.redisUrl) {
      if (testEnv.requireServices) throw new Error('REDIS_URL must be set when RECON_REQUIRE_SERVICES=1');
      ctx.skip('REDIS_URL is not set: Redis-backed tests are skipped and jobs run in-process');
      return;
    }
    const redis = new Redis(testEnv.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3000 });
    try {
      await redis.connect();
      expect(await redis.ping()).toBe('PONG');
    } finally {
      redis.disconnect();
    }
  });
});
