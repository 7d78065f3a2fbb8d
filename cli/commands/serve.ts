import { join, resolve } from 'node:path';
import { createApp } from '../../api/app.ts';
import { processMetrics } from '../../monitoring/metrics-registry.ts';
import { registerExposureGauges } from '../../monitoring/exposure-gauges.ts';
import { databaseFigures } from '../database-figures.ts';
import { startServer } from '../../api/server.ts';
import type { Config } from '../../core/config/config-schema.ts';
import type { Logger } from '../../monitoring/logger.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import type { Command } from '../command.ts';
import { optionalHealthChecks } from '../health-checks.ts';
import { createJobSystem, processorDeps, serializedWireRun } from '../job-wiring.ts';
import { createQueuedRunLauncher } from '../queued-run-launcher.ts';
import { createRunLauncher } from '../run-launcher.ts';
import { jobApplyQueue } from '../apply-queue.ts';
import { startJobRuntime } from '../../worker/job-runtime.ts';
import { promQueueMetrics } from '../../worker/queue-metrics.ts';
import { reconciliationScheduler } from '../../worker/reconciliation-schedules.ts';
import { createCliLogger, openMigratedDatabase } from '../runtime.ts';
import { VERSION } from '../version.ts';
import { webDistDir } from '../web-build.ts';

/** Serves API + web until SIGINT/SIGTERM, then closes the server, the runs in progress and the database in order. */
export async function serveUntilStopped(config: Config, logger: Logger, db: DatabaseHandle): Promise<number> {
  const metrics = processMetrics();
  // With Redis, runs and schedules go to the queues and `recon worker` processes run them; without it, this
  // process runs the same schedules and processors itself, one graph run at a time (see serializedWireRun).
  const jobs = createJobSystem(config, logger);
  const schedules = reconciliationScheduler(jobs);
  const wire = serializedWireRun();
  const runtime = config.redisUrl ? undefined : startJobRuntime({ ...processorDeps(config, db, logger, jobs, wire), concurrency: 1, metrics: promQueueMetrics(metrics) });
  const runs = config.redisUrl ? createQueuedRunLauncher({ config, db, logger, jobs }) : createRunLauncher({ config, db, logger, wire });
  // Not awaited: a Redis that is down must not keep the API from serving (the workers sync again when they start).
  void schedules.syncAll(db.db, logger).then(
    (synced) => logger.info({ ...synced, jobs: jobs.kind }, 'nightly schedules registered'),
    (error: unknown) => logger.warn({ err: error }, 'the nightly schedules could not be registered; they are when a worker starts'),
  );
  // In-process, this server is the only scheduler: re-read the table each minute, so changes made by `recon reconciliations` apply too.
  const resync = runtime
    ? setInterval(() => void schedules.syncAll(db.db, logger).catch((error: unknown) => logger.warn({ err: error }, 'the nightly schedules could not be re-synced')), 60_000)
    : undefined;
  resync?.unref();
  registerExposureGauges(metrics, () => databaseFigures(db), { onError: (error) => logger.warn({ err: error }, 'metrics: the database figures could not be read') });
  const app = createApp({
    db,
    logger,
    version: VERSION,
    clock: () => new Date(),
    webDistDir,
    maxUploadBytes: config.maxUploadBytes,
    maxJsonBytes: 1024 * 1024,
    review: config.twoApproverAbove ? { twoApproverAbove: config.twoApproverAbove } : {},
    runs,
    schedules,
    ...(config.applyMode === 'queue' ? { applies: jobApplyQueue(jobs) } : {}),
    metrics,
    health: optionalHealthChecks(config),
    corsOrigins: config.corsOrigins,
    rateLimitPerMinute: config.rateLimitPerMinute,
    evalsDir: join(resolve(config.dataDir), 'evals'),
  });
  const server = await startServer(app, { port: config.port, host: config.host });
  logger.info({ url: server.url, db: db.kind }, `Recon is serving on ${server.url}`);
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'shutting down');
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await runs.close();
  if (resync) clearInterval(resync);
  await runtime?.close();
  await jobs.close();
  await db.close();
  return 0;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the API and the web app (migrates first)',
  usage: 'recon serve        (PORT, HOST, DATABASE_URL, RECON_DATA_DIR from the environment)',
  async run({ config }) {
    const logger = createCliLogger(config);
    const db = await openMigratedDatabase(config, logger);
    return serveUntilStopped(config, logger, db);
  },
};
