/**
 * What the processors need, injected by the entry point (`recon worker`,
 * or `recon serve` for in-process jobs): the database, the job system, and a
 * way to wire one graph run — the same wiring `recon run` uses, passed in
 * because the worker does not import the CLI.
 */
import type { BaseCheckpointSaver } from '@langchain/langgraph';
import type { RecordSource, RunDeps, RunProgress, RunSettings } from '../../agents/agent-ports.ts';
import type { AgentMode } from '../../core/statuses.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import type { Logger } from '../../monitoring/logger.ts';
import type { JobSystem } from '../job-system.ts';

export interface WiredRun {
  readonly deps: RunDeps;
  readonly checkpointer: { readonly saver: BaseCheckpointSaver };
  close(): Promise<void>;
}

export type RunWirer = (loadRecords: RecordSource, logger: Logger, onProgress?: (p: RunProgress) => void) => Promise<WiredRun>;

export interface ProcessorDeps {
  readonly db: DatabaseHandle;
  readonly jobs: JobSystem;
  readonly logger: Logger;
  readonly wire: RunWirer;
  readonly settings: (mode: AgentMode) => RunSettings;
  /** The process default when neither the job nor the reconciliation names a mode. */
  readonly defaultMode: AgentMode;
  readonly clock: () => Date;
}
