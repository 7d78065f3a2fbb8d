/**
 * The job system on Redis through BullMQ 6: queues, job schedulers
 * (`upsertJobScheduler`, one per reconciliation), flows (FlowProducer: a
 * parent that runs when its children completed), and workers. Several
 * processes share the queues; a job whose worker died is found stalled by
 * another worker and run again. `prefix` namespaces every key, so tests
 * share one Redis without seeing each other's jobs.
 */
import { FlowProducer, Queue, QueueEvents, UnrecoverableError, Worker, type Job, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { AppError } from '../core/errors/app-error.ts';
import { QUEUE_KEYS, QUEUE_NAMES, type QueueKey } from '../core/jobs/queue-names.ts';
import { failureKind, failureReason } from './job-failure.ts';
import type { AddJob, JobContext, JobInfo, JobState, JobSystem } from './job-system.ts';

export interface BullmqJobSystemOptions {
  readonly redisUrl: string;
  /** Key prefix; default `recon`. */
  readonly prefix?: string;
  /** How long a worker's lock on a job lasts without renewal, and how often stalled jobs are looked for (ms). */
  readonly lockDurationMs?: number;
  readonly stalledIntervalMs?: number;
  /** A producer call (add, schedule, read) that Redis does not answer within this gives `redis_unavailable`; default 10 s. */
  readonly commandTimeoutMs?: number;
  /** Connection errors (ioredis keeps reconnecting); without a listener they would be printed as unhandled. */
  readonly onConnectionError?: (error: Error) => void;
}

/** Finished jobs are kept long enough that a duplicate trigger of the same night still finds its job. */
const KEEP_COMPLETED = { age: 14 * 24 * 3600, count: 10_000 };
const KEEP_FAILED = { age: 30 * 24 * 3600 };

function jobOptions(spec: Pick<AddJob, 'attempts' | 'backoffMs'>): JobsOptions {
  return { attempts: spec.attempts ?? 3, backoff: { type: 'exponential', delay: spec.backoffMs ?? 2000 }, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED };
}

function stateOf(state: string): JobState {
  if (state === 'prioritized' || state === 'waiting' || state === 'unknown') return 'waiting';
  return state as JobState;
}

/**
 * The connections wait for Redis to come back rather than fail (the workers need that), so a caller that
 * must answer — an API request adding a run, a route syncing a schedule — gets a retryable error instead.
 */
function timed<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('redis_unavailable', `Redis did not answer within ${ms} ms (${what})`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function createBullmqJobSystem(options: BullmqJobSystemOptions): JobSystem {
  const limit = options.commandTimeoutMs ?? 10_000;
  const prefix = options.prefix ?? 'recon';
  // The Worker's blocking commands must never give up (BullMQ's requirement); the rest share one connection.
  const onError = options.onConnectionError ?? (() => {});
  const connect = () => new Redis(options.redisUrl, { maxRetriesPerRequest: null, enableOfflineQueue: true }).on('error', onError);
  const connection = connect();
  const queues = new Map<QueueKey, Queue>(QUEUE_KEYS.map((k) => [k, new Queue(QUEUE_NAMES[k], { connection, prefix }).on('error', onError)]));
  const flows = new FlowProducer({ connection, prefix });
  flows.on('error', onError);
  const workers = new Set<Worker>();
  const events = new Map<QueueKey, QueueEvents>();
  const extraConnections: Redis[] = [];
  const queue = (k: QueueKey) => queues.get(k)!;

  function contextOf(job: Job, queueKey: QueueKey, signal: AbortSignal): JobContext {
    return {
      id: job.id!,
      queue: queueKey,
      name: job.name,
      data: job.data,
      attemptsMade: job.attemptsMade,
      attempts: job.opts.attempts ?? 1,
      signal,
      progress: async (data) => {
        await job.updateProgress(data);
      },
    };
  }

  return {
    kind: 'bullmq',
    add: (spec) =>
      timed(limit, 'adding a job', (async () => {
        if (await queue(spec.queue).getJob(spec.jobId)) return { id: spec.jobId, added: false };
        await queue(spec.queue).add(spec.name, spec.data, { ...jobOptions(spec), jobId: spec.jobId });
        return { id: spec.jobId, added: true };
      })()),
    async addFlow(parent, children) {
      if (await queue(parent.queue).getJob(parent.jobId)) return { added: false };
      await flows.add({
        name: parent.name,
        queueName: QUEUE_NAMES[parent.queue],
        data: parent.data,
        opts: { ...jobOptions(parent), jobId: parent.jobId },
        children: children.map((c) => ({ name: c.name, queueName: QUEUE_NAMES[c.queue], data: c.data, opts: { ...jobOptions(c), jobId: c.jobId, failParentOnFailure: true } })),
      });
      return { added: true };
    },
    async upsertScheduler(id, schedule, job) {
      await timed(limit, 'registering a schedule', queue(job.queue).upsertJobScheduler(id, { pattern: schedule.cron, tz: schedule.timezone }, { name: job.name, data: job.data, opts: jobOptions(job) }));
    },
    async removeScheduler(id) {
      // A reconciliation's scheduler lives on the nightly queue.
      await timed(limit, 'removing a schedule', queue('nightly').removeJobScheduler(id));
    },
    async schedulerIds() {
      return (await timed(limit, 'listing schedules', queue('nightly').getJobSchedulers(0, -1))).map((s) => s.key);
    },
    async nextRun(id) {
      const scheduler = await timed(limit, 'reading a schedule', queue('nightly').getJobScheduler(id));
      return scheduler?.next ? new Date(scheduler.next) : null;
    },
    work(queueKey, processor, workOptions) {
      const abort = new AbortController();
      const workerConnection = connect();
      extraConnections.push(workerConnection);
      const worker = new Worker(
        QUEUE_NAMES[queueKey],
        async (job) => {
          try {
            return await processor(contextOf(job, queueKey, abort.signal));
          } catch (error) {
            if (failureKind(error) === 'unrecoverable') throw new UnrecoverableError(failureReason(error));
            throw error;
          }
        },
        {
          connection: workerConnection,
          prefix,
          concurrency: workOptions.concurrency,
          ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
          ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
          maxStalledCount: 2,
        },
      );
      const seconds = (job: Job) => (job.finishedOn && job.processedOn ? (job.finishedOn - job.processedOn) / 1000 : 0);
      worker.on('completed', (job) => workOptions.onAttempt?.({ queue: queueKey, outcome: 'completed', seconds: seconds(job), final: true }));
      worker.on('failed', (job, error) => {
        if (!job) return;
        const final = error instanceof UnrecoverableError || error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
        workOptions.onAttempt?.({ queue: queueKey, outcome: 'failed', seconds: seconds(job), final });
        if (final) void workOptions.onFinalFailure?.(contextOf(job, queueKey, abort.signal), error);
      });
      // Errors of the connection are retried by ioredis; without a listener they would crash the process.
      worker.on('error', onError);
      workers.add(worker);
      return {
        async close() {
          await worker.close();
          workers.delete(worker);
          workerConnection.disconnect();
        },
      };
    },
    onProgress(queueKey, listener) {
      let queueEvents = events.get(queueKey);
      if (!queueEvents) {
        const eventConnection = connect();
        extraConnections.push(eventConnection);
        queueEvents = new QueueEvents(QUEUE_NAMES[queueKey], { connection: eventConnection, prefix });
        queueEvents.on('error', onError);
        events.set(queueKey, queueEvents);
      }
      const handler = ({ jobId, data }: { jobId: string; data: unknown }) => {
        if (data && typeof data === 'object') listener(jobId, data as Record<string, unknown>);
      };
      queueEvents.on('progress', handler);
      return () => queueEvents.off('progress', handler);
    },
    async job(queueKey, jobId): Promise<JobInfo | undefined> {
      // The state first: a job read before it settled would pair an old return value with its new state.
      const raw = await queue(queueKey).getJobState(jobId);
      const job = await queue(queueKey).getJob(jobId);
      if (!job || raw === 'unknown') return undefined;
      const state = stateOf(raw);
      return { id: jobId, state, attemptsMade: job.attemptsMade, ...(job.returnvalue !== undefined && job.returnvalue !== null ? { returnValue: job.returnvalue } : {}), ...(job.failedReason ? { failedReason: job.failedReason } : {}) };
    },
    async counts(queueKey) {
      const c = await queue(queueKey).getJobCounts('waiting', 'delayed', 'active', 'failed');
      return { waiting: c.waiting ?? 0, delayed: c.delayed ?? 0, active: c.active ?? 0, failed: c.failed ?? 0 };
    },
    async close() {
      await Promise.all([...workers].map((w) => w.close()));
      await Promise.all([...events.values()].map((e) => e.close()));
      await flows.close();
      await Promise.all([...queues.values()].map((q) => q.close()));
      for (const c of extraConnections) c.disconnect();
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
