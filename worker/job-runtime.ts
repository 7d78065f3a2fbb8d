/**
 * Starts the processors of every queue on a job system — what `recon worker`
 * runs, and what `recon serve` runs in-process without Redis — with the
 * concurrency from the configuration, metrics for each attempt, and a poll of
 * the queues' depth. `close()` stops taking jobs and waits for those in
 * flight (BullMQ's `worker.close()`), so SIGTERM loses nothing.
 */
import { nightlyPayloadSchema } from '../core/jobs/job-payloads.ts';
import { QUEUE_KEYS, type QueueKey } from '../core/jobs/queue-names.ts';
import { markRunFailed } from '../db/repositories/runs-queue.ts';
import { failureReason } from './job-failure.ts';
import type { JobSystem, WorkerHandle } from './job-system.ts';
import { applyProcessor } from './processors/apply-processor.ts';
import { nightlyProcessor } from './processors/nightly-processor.ts';
import { partitionFailed, partitionProcessor } from './processors/partition-processor.ts';
import type { ProcessorDeps } from './processors/processor-deps.ts';
import type { QueueMetrics } from './queue-metrics.ts';

export interface JobRuntimeOptions extends ProcessorDeps {
  readonly jobs: JobSystem;
  /** Jobs per queue at once in this process. */
  readonly concurrency: number;
  readonly metrics?: QueueMetrics;
  /** How often the queue-depth gauge is refreshed, ms (default 5000). */
  readonly depthIntervalMs?: number;
}

export interface JobRuntime {
  close(): Promise<void>;
}

export function startJobRuntime(options: JobRuntimeOptions): JobRuntime {
  const { jobs, metrics, logger } = options;
  const onAttempt = (e: { queue: QueueKey; outcome: 'completed' | 'failed'; seconds: number; final: boolean }) => {
    metrics?.duration(e.queue, e.outcome, e.seconds);
    if (e.outcome === 'failed') metrics?.failure(e.queue, e.final ? 'final' : 'retry');
  };
  const logFinal = (queue: QueueKey) => async (job: { id: string }, error: unknown) => {
    logger.error({ err: error, queue, jobId: job.id }, 'job failed with no attempts left');
  };
  const failedPartition = partitionFailed(options);
  const handles: WorkerHandle[] = [
    jobs.work('nightly', nightlyProcessor(options), {
      concurrency: options.concurrency,
      onAttempt,
      onFinalFailure: async (job, error) => {
        await logFinal('nightly')(job, error);
        // A run that will not be retried is marked failed with the reason, so its row does not stay queued or running.
        const run = nightlyPayloadSchema.safeParse(job.data);
        if (run.success) await markRunFailed(options.db.db, run.data.runId, failureReason(error), options.clock()).catch((e: unknown) => logger.error({ err: e }, 'could not mark the run failed'));
      },
    }),
    jobs.work('partition', partitionProcessor(options), {
      concurrency: options.concurrency,
      onAttempt,
      onFinalFailure: async (job, error) => {
        await logFinal('partition')(job, error);
        await failedPartition(job, error);
      },
    }),
    jobs.work('apply', applyProcessor(options), { concurrency: options.concurrency, onAttempt, onFinalFailure: logFinal('apply') }),
  ];
  const poll = async () => {
    for (const queue of QUEUE_KEYS) {
      const counts = await jobs.counts(queue);
      for (const [state, n] of Object.entries(counts)) metrics?.depth(queue, state as keyof typeof counts, n);
    }
  };
  const timer = metrics
    ? setInterval(() => {
        poll().catch((error: unknown) => logger.debug({ err: error }, 'queue depth not read'));
      }, options.depthIntervalMs ?? 5000)
    : undefined;
  timer?.unref();
  // Once at start too, so the first scrape already has every queue.
  if (metrics) void poll().catch((error: unknown) => logger.debug({ err: error }, 'queue depth not read'));
  return {
    async close() {
      if (timer) clearInterval(timer);
      await Promise.all(handles.map((h) => h.close()));
    },
  };
}
