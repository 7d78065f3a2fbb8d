/**
 * The job system of a process from its configuration: BullMQ on `REDIS_URL`,
 * or the in-memory one without it — and the processors' dependencies, wired
 * like `recon run` (the same graph wiring, settings and default mode).
 */
import type { Config } from '../core/config/config-schema.ts';
import type { DatabaseHandle } from '../db/client.ts';
import type { Logger } from '../monitoring/logger.ts';
import { createBullmqJobSystem } from '../worker/bullmq-job-system.ts';
import type { JobSystem } from '../worker/job-system.ts';
import { createMemoryJobSystem } from '../worker/memory-job-system.ts';
import type { ProcessorDeps } from '../worker/processors/processor-deps.ts';
import { runSettings, wireRun } from './run-wiring.ts';

export function createJobSystem(config: Config, logger?: Logger): JobSystem {
  // Redis errors repeat while it is down; one line per distinct message is enough.
  let last = '';
  const onConnectionError = (error: Error) => {
    if (error.message !== last) logger?.warn({ err: error }, 'Redis connection error (reconnecting)');
    last = error.message;
  };
  return config.redisUrl
    ? createBullmqJobSystem({ redisUrl: config.redisUrl, prefix: config.queuePrefix, lockDurationMs: config.jobLockMs, stalledIntervalMs: config.jobLockMs, onConnectionError })
    : createMemoryJobSystem();
}

/**
 * Graph wiring one run at a time. Embedded, each run opens the checkpoint
 * PGlite in the data folder, and PGlite is one instance per folder: the API's
 * runs and the in-process nightly jobs take turns through this one lock.
 */
export function serializedWireRun(): typeof wireRun {
  let tail: Promise<void> = Promise.resolve();
  return async (...args) => {
    let release!: () => void;
    const turn = tail;
    tail = new Promise<void>((resolve) => (release = resolve));
    await turn;
    try {
      const wiring = await wireRun(...args);
      return {
        ...wiring,
        close: async () => {
          try {
            await wiring.close();
          } finally {
            release();
          }
        },
      };
    } catch (error) {
      release();
      throw error;
    }
  };
}

export function processorDeps(config: Config, db: DatabaseHandle, logger: Logger, jobs: JobSystem, wire: typeof wireRun = wireRun): ProcessorDeps {
  return {
    db,
    jobs,
    logger,
    wire: (loadRecords, log, onProgress) => wire(config, db, loadRecords, log, onProgress),
    settings: (mode) => runSettings(config, mode),
    defaultMode: config.mode,
    clock: () => new Date(),
  };
}
