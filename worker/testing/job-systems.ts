/**
 * The two job systems for parametrized suites: in memory always, BullMQ when
 * REDIS_URL is set. Without Redis the BullMQ variant is skipped with a
 * message — unless RECON_REQUIRE_SERVICES=1 (CI), where it must fail. Each
 * BullMQ system gets its own key prefix, so tests never see each other's jobs.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createBullmqJobSystem, type BullmqJobSystemOptions } from '../bullmq-job-system.ts';
import type { JobSystem } from '../job-system.ts';
import { createMemoryJobSystem } from '../memory-job-system.ts';

export interface JobSystemVariant {
  readonly name: 'memory' | 'bullmq';
  /** Why it is skipped; undefined when it runs. */
  readonly skip?: string;
  create(options?: { prefix?: string } & Partial<Omit<BullmqJobSystemOptions, 'redisUrl'>>): JobSystem;
}

export function uniquePrefix(): string {
  return `recon-test-${randomBytes(5).toString('hex')}`;
}

export function jobSystemVariants(env: { readonly redisUrl: string | undefined; readonly requireServices: boolean }): JobSystemVariant[] {
  const redisUrl = env.redisUrl;
  if (!redisUrl && env.requireServices) throw new Error('REDIS_URL must be set when RECON_REQUIRE_SERVICES=1: the BullMQ job system is tested against a real Redis');
  return [
    { name: 'memory', create: () => createMemoryJobSystem() },
    {
      name: 'bullmq',
      ...(redisUrl ? {} : { skip: 'REDIS_URL is not set: the BullMQ variant is skipped (the in-memory one ran)' }),
      create: (options = {}) => {
        const prefix = options.prefix ?? uniquePrefix();
        const jobs = createBullmqJobSystem({ redisUrl: redisUrl!, stalledIntervalMs: 1000, lockDurationMs: 2000, ...options, prefix });
        // Closing also removes the test's keys, so the shared Redis keeps nothing of it.
        const close = async () => {
          await jobs.close();
          if (!options.prefix) await dropPrefix(redisUrl!, prefix);
        };
        return { ...jobs, close };
      },
    },
  ];
}

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000, what = 'the condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Deletes every key under a prefix (what a test or benchmark left in the shared Redis). */
export async function dropPrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
