/**
 * `recon worker`: takes jobs from the Redis queues — nightly runs, their
 * partitions, applies — `WORKER_CONCURRENCY` at once, keeps the schedulers in
 * line with the reconciliations table, and serves `/metrics` on
 * `RECON_WORKER_METRICS_PORT`. On SIGTERM or SIGINT it stops taking jobs and
 * finishes those in flight before it exits; a worker that is killed instead
 * leaves its jobs to be found stalled and resumed by another.
 */
import { AppError } from '../../core/errors/app-error.ts';
import { serveMetrics } from '../../monitoring/metrics-server.ts';
import { processMetrics } from '../../monitoring/metrics-registry.ts';
import { startJobRuntime } from '../../worker/job-runtime.ts';
import { promQueueMetrics } from '../../worker/queue-metrics.ts';
import { reconciliationScheduler } from '../../worker/reconciliation-schedules.ts';
import type { Command } from '../command.ts';
import { createJobSystem, processorDeps } from '../job-wiring.ts';
import { createCliLogger, openMigratedDatabase } from '../runtime.ts';

export const workerCommand: Command = {
  name: 'worker',
  summary: 'Run queued jobs (nightly runs, partitions, applies) from Redis until SIGTERM',
  usage: 'recon worker       (REDIS_URL and DATABASE_URL required; WORKER_CONCURRENCY jobs at once; /metrics on RECON_WORKER_METRICS_PORT)',
  async run({ config }) {
    const missing = [!config.redisUrl ? 'REDIS_URL (the queues)' : undefined, !config.databaseUrl ? 'DATABASE_URL (PGlite is one process per data folder, so workers need PostgreSQL)' : undefined].filter(Boolean);
    if (missing.length > 0) throw new AppError('config_invalid', `recon worker needs ${missing.join(' and ')}. Without them, \`recon serve\` runs the same jobs and schedules in-process.`);
    const logger = createCliLogger(config).child({ process: 'worker' });
    const db = await openMigratedDatabase(config, logger);
    const jobs = createJobSystem(config, logger);
    const metrics = processMetrics();
    const runtime = startJobRuntime({ ...processorDeps(config, db, logger, jobs), concurrency: config.workerConcurrency, metrics: promQueueMetrics(metrics) });
    const schedules = await reconciliationScheduler(jobs).syncAll(db.db, logger);
    const server = await serveMetrics(metrics, config.workerMetricsPort, { host: config.host, onError: (error) => logger.warn({ err: error }, 'metrics could not be rendered') });
    logger.info({ concurrency: config.workerConcurrency, metricsPort: server.port, ...schedules }, 'worker ready');
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    logger.info({ signal }, 'worker stopping: finishing the jobs in flight');
    await runtime.close();
    await jobs.close();
    await server.close();
    await db.close();
    logger.info('worker stopped');
    return 0;
  },
};
