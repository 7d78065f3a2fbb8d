/**
 * Everything the API's routes need, passed in by the entry point. Routes stay
 * thin: they validate, check the role, and call `core` (decisions, apply
 * planning) and `db` (repositories).
 */
import type { DatabaseHandle } from '../db/client.ts';
import type { Logger } from '../monitoring/logger.ts';
import type { ReconMetrics } from '../monitoring/metrics-registry.ts';
import type { HealthCheck } from './routes/health.ts';

/** Starts runs for the API and reports their progress (the worker or an in-process runner implements it). */
export interface RunLauncher {
  /** Queues or starts a run; resolves with its id as soon as it is recorded. */
  start(request: { reconciliationId: string; asOf: string; mode?: 'rules' | 'llm' | 'hybrid'; requestedBy: string }): Promise<{ runId: string }>;
  /** Progress events of a running run; returns an unsubscribe function. */
  subscribe(runId: string, listener: (event: RunProgressEvent) => void): () => void;
}

/**
 * A reconciliation's nightly schedule, kept by the job system (BullMQ job
 * schedulers, or the in-process scheduler without Redis). The routes call it
 * after a change is committed; the job system also re-syncs every schedule
 * from the table when it starts, so a change it missed is picked up.
 */
export interface ReconciliationSchedules {
  /** Registers or replaces the scheduler of a reconciliation with a schedule that is enabled; removes it otherwise. */
  sync(reconciliation: { readonly id: string; readonly schedule: string | null; readonly timezone: string; readonly enabled: boolean }): Promise<void>;
  remove(reconciliationId: string): Promise<void>;
  /** When the scheduler fires next; null: not scheduled. */
  nextRunAt(reconciliationId: string): Promise<Date | null>;
}

export interface RunProgressEvent {
  readonly runId: string;
  readonly phase: 'queued' | 'load' | 'match' | 'agents' | 'persist' | 'done' | 'failed';
  readonly done: number;
  readonly total: number;
  readonly message?: string;
}

/** The apply queue (RECON_APPLY_MODE=queue): approvals commit as approved and their applies run there, by decision id. */
export interface ApplyQueue {
  enqueue(items: readonly { readonly exceptionId: string; readonly decisionId: string; readonly actorId: string }[]): Promise<void>;
}

export interface ReviewSettings {
  /** Above this amount at stake (decimal string), two different approvers are needed; unset: one. */
  readonly twoApproverAbove?: string;
}

export interface ApiDeps {
  readonly db: DatabaseHandle;
  readonly logger: Logger;
  readonly version: string;
  readonly clock: () => Date;
  /** Upload size limit for imports, bytes. */
  readonly maxUploadBytes: number;
  /** JSON bodies larger than this get 413, bytes. */
  readonly maxJsonBytes: number;
  /** Folder of the built web app; omitted, only the API is served. */
  readonly webDistDir?: string;
  readonly review: ReviewSettings;
  readonly runs?: RunLauncher;
  /** Nightly schedules; omitted, reconciliations are stored without a scheduler and `nextRunAt` is null. */
  readonly schedules?: ReconciliationSchedules;
  /** Absent: an approval applies in its own transaction. */
  readonly applies?: ApplyQueue;
  /** Optional dependencies whose failure degrades rather than downs the service. */
  readonly health: { readonly redis?: HealthCheck; readonly llm?: HealthCheck };
  /** Origins allowed to call the API from a browser; empty: same origin only. */
  readonly corsOrigins: readonly string[];
  /** Requests per minute per token (or per client address without one). */
  readonly rateLimitPerMinute: number;
  /** The process's metrics, counted by the HTTP middleware and exposed at `/metrics`; omitted, `/metrics` answers 404. */
  readonly metrics?: ReconMetrics;
  /** Folder of evaluation reports (RECON_DATA_DIR/evals, `latest.json` in it); omitted, `GET /api/evals/latest` answers 404. */
  readonly evalsDir?: string;
}
