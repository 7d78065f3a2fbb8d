/**
 * The job system without Redis: the same queues, ids, retries with backoff,
 * flows and cron schedulers, held in this process's memory. It is what the
 * embedded `npm start` uses, so a demo has nightly runs too; jobs do not
 * survive a restart (the schedules are re-registered from the table, and a
 * run that was cut off resumes from its checkpoint when it fires again).
 */
import { CronExpressionParser } from 'cron-parser';
import type { QueueKey } from '../core/jobs/queue-names.ts';
import { failureKind, failureReason } from './job-failure.ts';
import type { AddJob, JobContext, JobInfo, JobState, JobSystem, Processor, WorkOptions, WorkerHandle } from './job-system.ts';

interface MemJob {
  readonly id: string;
  readonly queue: QueueKey;
  readonly name: string;
  readonly data: unknown;
  readonly attempts: number;
  readonly backoffMs: number;
  attemptsMade: number;
  state: JobState;
  returnValue?: unknown;
  failedReason?: string;
  parent?: { readonly queue: QueueKey; readonly id: string };
  pending?: Set<string>;
}

interface QueueWorker {
  readonly processor: Processor;
  readonly options: WorkOptions;
  active: number;
  closing: boolean;
  readonly inflight: Set<Promise<void>>;
}

interface Scheduler {
  readonly cron: string;
  readonly timezone: string;
  readonly job: Omit<AddJob, 'jobId'>;
  next: Date;
  timer: NodeJS.Timeout;
}

export interface MemoryJobSystemOptions {
  readonly now?: () => Date;
}

const key = (queue: QueueKey, id: string) => `${queue}/${id}`;

export function createMemoryJobSystem(options: MemoryJobSystemOptions = {}): JobSystem {
  const now = options.now ?? (() => new Date());
  const jobs = new Map<string, MemJob>();
  const waiting = new Map<QueueKey, string[]>();
  const workers = new Map<QueueKey, QueueWorker>();
  const schedulers = new Map<string, Scheduler>();
  const timers = new Set<NodeJS.Timeout>();
  const progressListeners = new Map<QueueKey, Set<(jobId: string, data: Record<string, unknown>) => void>>();
  const abort = new AbortController();
  let closed = false;

  function later(ms: number, fn: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timer.unref();
    timers.add(timer);
    return timer;
  }

  function enqueue(job: MemJob): void {
    job.state = 'waiting';
    const list = waiting.get(job.queue) ?? [];
    list.push(job.id);
    waiting.set(job.queue, list);
    // On the next tick, so a caller that adds several jobs sees them picked up in order.
    queueMicrotask(() => pump(job.queue));
  }

  function create(spec: AddJob, parent?: MemJob['parent']): MemJob | undefined {
    if (jobs.has(key(spec.queue, spec.jobId))) return undefined;
    const job: MemJob = { id: spec.jobId, queue: spec.queue, name: spec.name, data: structuredClone(spec.data), attempts: spec.attempts ?? 3, backoffMs: spec.backoffMs ?? 2000, attemptsMade: 0, state: 'waiting', ...(parent ? { parent } : {}) };
    jobs.set(key(spec.queue, spec.jobId), job);
    return job;
  }

  function childSettled(child: MemJob): void {
    if (!child.parent) return;
    const parent = jobs.get(key(child.parent.queue, child.parent.id));
    if (!parent || parent.state !== 'waiting-children') return;
    if (child.state === 'failed') {
      parent.state = 'failed';
      parent.failedReason = `child ${child.id} failed: ${child.failedReason ?? 'unknown'}`;
      return;
    }
    parent.pending?.delete(child.id);
    if (parent.pending?.size === 0) enqueue(parent);
  }

  function contextOf(job: MemJob): JobContext {
    return {
      id: job.id,
      queue: job.queue,
      name: job.name,
      data: structuredClone(job.data),
      attemptsMade: job.attemptsMade,
      attempts: job.attempts,
      signal: abort.signal,
      progress: async (data) => {
        for (const listener of progressListeners.get(job.queue) ?? []) listener(job.id, data);
      },
    };
  }

  async function execute(worker: QueueWorker, job: MemJob): Promise<void> {
    job.state = 'active';
    const context = contextOf(job);
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      job.returnValue = await worker.processor(context);
      job.attemptsMade += 1;
      job.state = 'completed';
      worker.options.onAttempt?.({ queue: job.queue, outcome: 'completed', seconds: seconds(), final: true });
      childSettled(job);
    } catch (error) {
      job.attemptsMade += 1;
      job.failedReason = failureReason(error);
      const final = failureKind(error) === 'unrecoverable' || job.attemptsMade >= job.attempts;
      worker.options.onAttempt?.({ queue: job.queue, outcome: 'failed', seconds: seconds(), final });
      if (final) {
        job.state = 'failed';
        await worker.options.onFinalFailure?.(context, error);
        childSettled(job);
      } else {
        job.state = 'delayed';
        later(job.backoffMs * 2 ** (job.attemptsMade - 1), () => !closed && enqueue(job));
      }
    }
  }

  function pump(queue: QueueKey): void {
    const worker = workers.get(queue);
    const list = waiting.get(queue);
    while (worker && !worker.closing && !closed && list && list.length > 0 && worker.active < worker.options.concurrency) {
      const job = jobs.get(key(queue, list.shift()!));
      if (!job || job.state !== 'waiting') continue;
      worker.active += 1;
      const done: Promise<void> = execute(worker, job).finally(() => {
        worker.active -= 1;
        worker.inflight.delete(done);
        pump(queue);
      });
      worker.inflight.add(done);
    }
  }

  function nextAfter(cron: string, timezone: string, from: Date): Date {
    return CronExpressionParser.parse(cron, { tz: timezone, currentDate: from }).next().toDate();
  }

  function arm(id: string, scheduler: Omit<Scheduler, 'timer' | 'next'>): void {
    const next = nextAfter(scheduler.cron, scheduler.timezone, now());
    const timer = later(Math.max(0, next.getTime() - now().getTime()), () => {
      if (closed || schedulers.get(id)?.timer !== timer) return;
      const spec = { ...scheduler.job, jobId: `scheduled.${id}.${next.getTime()}` };
      const job = create(spec);
      if (job) enqueue(job);
      arm(id, scheduler);
    });
    schedulers.set(id, { ...scheduler, next, timer });
  }

  return {
    kind: 'memory',
    async add(spec) {
      const job = create(spec);
      if (job) enqueue(job);
      return { id: spec.jobId, added: job !== undefined };
    },
    async addFlow(parentSpec, children) {
      const parent = create(parentSpec);
      if (!parent) return { added: false };
      parent.state = 'waiting-children';
      parent.pending = new Set();
      const added: MemJob[] = [];
      for (const spec of children) {
        const child = create(spec, { queue: parent.queue, id: parent.id });
        if (child) {
          parent.pending.add(child.id);
          added.push(child);
        } else if (jobs.get(key(spec.queue, spec.jobId))?.state !== 'completed') parent.pending.add(spec.jobId);
      }
      for (const child of added) enqueue(child);
      if (parent.pending.size === 0) enqueue(parent);
      return { added: true };
    },
    async upsertScheduler(id, schedule, job) {
      // Parse now, so a bad expression fails here and not in a timer.
      nextAfter(schedule.cron, schedule.timezone, now());
      const old = schedulers.get(id);
      if (old) clearTimeout(old.timer);
      arm(id, { cron: schedule.cron, timezone: schedule.timezone, job });
    },
    async removeScheduler(id) {
      const old = schedulers.get(id);
      if (old) clearTimeout(old.timer);
      schedulers.delete(id);
    },
    async schedulerIds() {
      return [...schedulers.keys()];
    },
    async nextRun(id) {
      return schedulers.get(id)?.next ?? null;
    },
    work(queue, processor, workOptions): WorkerHandle {
      if (workers.has(queue)) throw new Error(`queue ${queue} already has a worker in this process`);
      const worker: QueueWorker = { processor, options: workOptions, active: 0, closing: false, inflight: new Set() };
      workers.set(queue, worker);
      pump(queue);
      return {
        async close() {
          worker.closing = true;
          await Promise.all([...worker.inflight]);
          workers.delete(queue);
        },
      };
    },
    onProgress(queue, listener) {
      const set = progressListeners.get(queue) ?? new Set();
      set.add(listener);
      progressListeners.set(queue, set);
      return () => set.delete(listener);
    },
    async job(queue, jobId): Promise<JobInfo | undefined> {
      const job = jobs.get(key(queue, jobId));
      if (!job) return undefined;
      return { id: job.id, state: job.state, attemptsMade: job.attemptsMade, ...(job.returnValue !== undefined ? { returnValue: job.returnValue } : {}), ...(job.failedReason ? { failedReason: job.failedReason } : {}) };
    },
    async counts(queue) {
      const counts = { waiting: 0, delayed: 0, active: 0, failed: 0 };
      for (const job of jobs.values()) if (job.queue === queue && job.state in counts) counts[job.state as keyof typeof counts] += 1;
      return counts;
    },
    async close() {
      closed = true;
      for (const s of schedulers.values()) clearTimeout(s.timer);
      schedulers.clear();
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.all([...workers.values()].flatMap((w) => [...w.inflight]));
      workers.clear();
    },
  };
}
