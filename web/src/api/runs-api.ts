/** Typed calls for runs and the reconciliations a run is started for. JSON shapes as the API sends them (times are ISO strings). */
import { getJson, postJson } from './client.ts';

export type RunStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
export type AgentMode = 'rules' | 'llm' | 'hybrid';
export const AGENT_MODES: readonly AgentMode[] = ['rules', 'llm', 'hybrid'];

/** What the run graph's finalize step writes into `stats` (agents/nodes/finalize-node.ts); every part may be missing on a failed run. */
export interface RunStats {
  readonly match?: { externalRecords?: number; internalRecords?: number; matchGroups?: number; matchedRecords?: number; byPass?: Record<string, number> };
  readonly breaks?: number;
  readonly byType?: Record<string, number>;
  readonly bySource?: Record<string, number>;
  readonly fallbacks?: Record<string, number>;
  readonly verified?: number;
  readonly autoApproved?: number;
  readonly durationMs?: number;
}

export interface RunView {
  readonly id: string;
  readonly reconciliationId: string | null;
  readonly asOf: string;
  readonly status: RunStatus;
  readonly mode: AgentMode;
  readonly stats: RunStats;
  readonly tokensIn: number;
  readonly tokensOut: number;
  /** USD, decimal string. */
  readonly cost: string;
  readonly error: string | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly queuedMs: number | null;
  readonly runMs: number | null;
}

export interface RunDetail extends RunView {
  readonly exceptions: { total: number; byStatus: Record<string, number> };
}

export interface RunProgress {
  readonly phase: 'queued' | 'load' | 'match' | 'agents' | 'persist';
  readonly done: number;
  readonly total: number;
  readonly message?: string;
}

export interface RunFailure {
  readonly runId: string;
  readonly status: RunStatus;
  readonly error: string | null;
}

export interface ReconciliationView {
  readonly id: string;
  readonly name: string;
  readonly domain: string;
  readonly externalAccount: string;
  readonly internalAccount: string;
  readonly mode: AgentMode | null;
  readonly schedule: string | null;
  readonly timezone: string;
  readonly enabled: boolean;
  /** When the scheduler will start the next run (ISO time), where the server reports one. */
  readonly nextRunAt?: string | null;
}

export const fetchRuns = (options: { signal?: AbortSignal; limit?: number } = {}) =>
  getJson<{ items: RunView[]; nextCursor: string | null }>(`/api/runs?limit=${options.limit ?? 50}`, options.signal ? { signal: options.signal } : {});

export const fetchRun = (id: string) => getJson<RunDetail>(`/api/runs/${encodeURIComponent(id)}`);

export const startRun = (body: { reconciliationId: string; asOf: string; mode?: AgentMode }) => postJson<{ runId: string }>('/api/runs', body);

export const fetchReconciliations = () => getJson<{ items: ReconciliationView[] }>('/api/reconciliations');

export const runEventsUrl = (id: string) => `/api/runs/${encodeURIComponent(id)}/events`;
