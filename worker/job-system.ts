/**
 * The job system behind one interface: BullMQ on Redis (`bullmq-job-system.ts`)
 * or an in-memory queue with a cron timer (`memory-job-system.ts`) when no
 * `REDIS_URL` is set. Processors, schedules and tests are written against this
 * interface only, so the same suite runs on both.
 */
import type { QueueKey } from '../core/jobs/queue-names.ts';

export interface AddJob {
  readonly queue: QueueKey;
  /** What the processor does with it; one queue may carry several kinds. */
  readonly name: string;
  readonly data: unknown;
  /** Derived from what the job is about: a second job with the same id is not added. */
  readonly jobId: string;
  /** Attempts in all (first try included); default 3. */
  readonly attempts?: number;
  /** First retry delay, doubled on each further retry; default 2 s. */
  readonly backoffMs?: number;
}

/** A job as its processor sees it. */
export interface JobContext {
  readonly id: string;
  readonly queue: QueueKey;
  readonly name: string;
  readonly data: unknown;
  /** Attempts made before this one. */
  readonly attemptsMade: number;
  readonly attempts: number;
  /** Progress for listeners (the run's event stream); best effort. */
  progress(data: Record<string, unknown>): Promise<void>;
  /** Aborted when the worker is closed with `force`. */
  readonly signal: AbortSignal;
}

export type Processor = (job: JobContext) => Promise<unknown>;

export type JobState = 'waiting' | 'waiting-children' | 'delayed' | 'active' | 'completed' | 'failed';

export interface JobInfo {
  readonly id: string;
  readonly state: JobState;
  readonly attemptsMade: number;
  readonly returnValue?: unknown;
  readonly failedReason?: string;
}

export interface WorkerHandle {
  /** Stops taking jobs and waits for the jobs in flight to finish. */
  close(): Promise<void>;
}

export interface WorkOptions {
  readonly concurrency: number;
  /** Called once a job has no attempts left (or failed unrecoverably), after the failure is recorded. */
  readonly onFinalFailure?: (job: JobContext, error: unknown) => Promise<void>;
  /** Called after each attempt, for metrics. */
  readonly onAttempt?: (event: { queue: QueueKey; outcome: 'completed' | 'failed'; seconds: number; final: boolean }) => void;
}

export interface JobSystem {
  readonly kind: 'bullmq' | 'memory';
  /** Adds the job unless one with its id exists; says which. */
  add(job: AddJob): Promise<{ readonly id: string; readonly added: boolean }>;
  /** A parent that waits for its children and runs once every child completed (a child that fails finally fails the parent). */
  addFlow(parent: AddJob, children: readonly AddJob[]): Promise<{ readonly added: boolean }>;
  /** Registers or replaces a cron scheduler that adds `job` (without an id: each firing is its own job). */
  upsertScheduler(id: string, schedule: { readonly cron: string; readonly timezone: string }, job: Omit<AddJob, 'jobId'>): Promise<void>;
  removeScheduler(id: string): Promise<void>;
  /** Ids of every scheduler registered. */
  schedulerIds(): Promise<string[]>;
  /** The scheduler's next firing; null when there is no such scheduler. */
  nextRun(id: string): Promise<Date | null>;
  work(queue: QueueKey, processor: Processor, options: WorkOptions): WorkerHandle;
  /** Listens to progress of jobs on a queue; returns an unsubscribe function. */
  onProgress(queue: QueueKey, listener: (jobId: string, data: Record<string, unknown>) => void): () => void;
  job(queue: QueueKey, jobId: string): Promise<JobInfo | undefined>;
  /** Jobs per state, for the queue-depth gauge. */
  counts(queue: QueueKey): Promise<Readonly<Record<'waiting' | 'delayed' | 'active' | 'failed', number>>>;
  /** Closes workers (waiting for jobs in flight), timers and connections. */
  close(): Promise<void>;
}
