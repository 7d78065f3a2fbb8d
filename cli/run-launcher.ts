/**
 * The in-process run launcher behind `POST /api/runs` when the server runs
 * jobs itself: records the run as queued, then runs the batch in the
 * background — at most `concurrency` at once, the rest waiting their turn —
 * with the same wiring as `recon run`. Progress events are kept per run (the
 * latest is replayed to each new subscriber) and fanned out to subscribers;
 * a run that fails outside the graph is marked failed with its reason.
 */
import { randomUUID } from 'node:crypto';
import type { RunLauncher, RunProgressEvent } from '../api/api-deps.ts';
import type { RunProgress } from '../agents/agent-ports.ts';
import { runBatch } from '../agents/run-batch.ts';
import type { Config } from '../core/config/config-schema.ts';
import { AppError } from '../core/errors/app-error.ts';
import { matchConfigSchema } from '../core/match/match-config.ts';
import type { AgentMode } from '../core/statuses.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { reconciliationById } from '../db/repositories/reconciliations-repository.ts';
import { markRunFailed, queueRun } from '../db/repositories/runs-queue.ts';
import type { Logger } from '../monitoring/logger.ts';
import { reconciliationRecords } from './run-sources.ts';
import { runSettings, wireRun } from './run-wiring.ts';

export interface RunLauncherOptions {
  readonly config: Config;
  readonly db: DatabaseHandle;
  readonly logger: Logger;
  readonly clock?: () => Date;
  /** Runs at once (default 1: an embedded checkpointer is one PGlite per folder, and runs share the CPU with the API). */
  readonly concurrency?: number;
  /** The run's dependencies; tests replace it. */
  readonly wire?: typeof wireRun;
}

export interface InProcessRunLauncher extends RunLauncher {
  /** Resolves once no run is running or waiting. */
  idle(): Promise<void>;
  /** Stops: waiting runs are not started, running ones are aborted; both are marked failed. */
  close(): Promise<void>;
}

interface Job {
  readonly runId: string;
  readonly reconciliationId: string;
  readonly asOf: string;
  readonly mode: AgentMode;
}

interface Channel {
  last: RunProgressEvent;
  readonly listeners: Set<(event: RunProgressEvent) => void>;
}

/** Finished runs whose last event is kept for late subscribers. */
const KEEP_FINISHED = 100;

export function createRunLauncher(options: RunLauncherOptions): InProcessRunLauncher {
  const { config, db, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const wire = options.wire ?? wireRun;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const channels = new Map<string, Channel>();
  const finished: string[] = [];
  const waiting: Job[] = [];
  const running = new Map<string, AbortController>();
  const settled = new Set<() => void>();
  let closed = false;

  function emit(runId: string, event: Omit<RunProgressEvent, 'runId'>): void {
    const channel = channels.get(runId);
    if (!channel) return;
    channel.last = { runId, ...event };
    for (const listener of channel.listeners) {
      try {
        listener(channel.last);
      } catch (error) {
        logger.warn({ err: error, runId }, 'a run progress subscriber failed');
      }
    }
    if (event.phase === 'done' || event.phase === 'failed') {
      finished.push(runId);
      while (finished.length > KEEP_FINISHED) channels.delete(finished.shift()!);
    }
  }

  async function fail(runId: string, message: string): Promise<void> {
    await markRunFailed(db.db, runId, message, clock()).catch((error: unknown) => logger.error({ err: error, runId }, 'could not mark the run failed'));
    emit(runId, { phase: 'failed', done: 0, total: 0, message });
  }

  async function execute(job: Job, signal: AbortSignal): Promise<void> {
    const log = logger.child({ runId: job.runId });
    emit(job.runId, { phase: 'load', done: 0, total: 1 });
    const batch = await reconciliationRecords(db.db, job.reconciliationId);
    const matchConfig = matchConfigSchema.safeParse(batch.config);
    if (!matchConfig.success) throw new AppError('config_invalid', `reconciliation ${job.reconciliationId} has an invalid configuration: ${matchConfig.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const onProgress = (p: RunProgress) => {
      // The graph's `done` comes after it stored the run's totals; the launcher reports it once the run returned.
      if (p.phase !== 'done') emit(job.runId, p);
    };
    const wiring = await wire(config, db, async () => ({ external: batch.external, internal: batch.internal }), log, onProgress);
    try {
      const result = await runBatch({
        deps: wiring.deps,
        settings: runSettings(config, job.mode),
        checkpointer: wiring.checkpointer.saver,
        input: { runId: job.runId, domain: batch.domain, asOf: job.asOf, matchConfig: batch.config, reconciliationId: job.reconciliationId },
        signal,
      });
      log.info({ breaks: result.summary.breaks, durationMs: result.summary.durationMs }, 'run finished');
      emit(job.runId, { phase: 'done', done: result.summary.breaks, total: result.summary.breaks });
    } finally {
      await wiring.close();
    }
  }

  function pump(): void {
    while (!closed && running.size < concurrency && waiting.length > 0) {
      const job = waiting.shift()!;
      const abort = new AbortController();
      running.set(job.runId, abort);
      void execute(job, abort.signal)
        .catch((error: unknown) => {
          logger.error({ err: error, runId: job.runId }, 'run failed');
          const message = abort.signal.aborted ? 'the server stopped while the run was in progress' : error instanceof Error ? error.message : String(error);
          return fail(job.runId, message);
        })
        .finally(() => {
          running.delete(job.runId);
          pump();
          if (running.size === 0 && waiting.length === 0) for (const resolve of settled) resolve();
        });
    }
  }

  function idle(): Promise<void> {
    if (running.size === 0 && waiting.length === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        settled.delete(done);
        resolve();
      };
      settled.add(done);
    });
  }

  return {
    async start(request) {
      if (closed) throw new AppError('internal', 'The run launcher is stopped');
      const reconciliation = await reconciliationById(db.db, request.reconciliationId);
      if (!reconciliation) throw new AppError('not_found', `No reconciliation "${request.reconciliationId}"`);
      const job: Job = { runId: randomUUID(), reconciliationId: reconciliation.id, asOf: request.asOf, mode: request.mode ?? reconciliation.mode ?? config.mode };
      await queueRun(db.db, { ...job, requestedBy: request.requestedBy }, clock());
      channels.set(job.runId, { last: { runId: job.runId, phase: 'queued', done: 0, total: 0 }, listeners: new Set() });
      waiting.push(job);
      logger.info({ runId: job.runId, reconciliationId: job.reconciliationId, asOf: job.asOf, mode: job.mode }, 'run queued');
      pump();
      return { runId: job.runId };
    },
    subscribe(runId, listener) {
      const channel = channels.get(runId);
      // Unknown here (another process's run, or long finished): the caller reads the run row instead.
      if (!channel) return () => {};
      channel.listeners.add(listener);
      listener(channel.last);
      return () => channel.listeners.delete(listener);
    },
    idle,
    async close() {
      closed = true;
      const dropped = waiting.splice(0);
      await Promise.all(dropped.map((job) => fail(job.runId, 'the server stopped before the run started')));
      for (const abort of running.values()) abort.abort();
      if (running.size > 0) await idle();
    },
  };
}
