/**
 * The graph wiring for worker tests: the database run store, the rules
 * agents, and one checkpointer shared by the suite (in memory, or the
 * PostgreSQL server's checkpoint schema), so a job run twice finds its
 * thread. `failFirst` makes the first N wirings fail as a database outage
 * would, to test retries.
 */
import { createCheckpointer, type CheckpointerHandle } from '../../agents/checkpoint/create-checkpointer.ts';
import { DEFAULT_RUN_SETTINGS, type RunSettings } from '../../agents/agent-ports.ts';
import { rulesAgents } from '../../agents/rules-agents.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { AgentMode } from '../../core/statuses.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { createDbRunStore } from '../../db/repositories/run-store.ts';
import type { RunWirer } from '../processors/processor-deps.ts';

export interface TestWiring {
  readonly wire: RunWirer;
  readonly settings: (mode: AgentMode) => RunSettings;
  /** Wirings that will fail before the run starts. */
  failNext(count: number): void;
  readonly calls: () => number;
  close(): Promise<void>;
}

export async function testWiring(db: DatabaseHandle, options: { databaseUrl?: string | undefined } = {}): Promise<TestWiring> {
  const checkpointer: CheckpointerHandle = await createCheckpointer({ databaseUrl: options.databaseUrl, dataDir: 'memory://' });
  let failing = 0;
  let calls = 0;
  return {
    wire: async (loadRecords, _logger, onProgress) => {
      calls += 1;
      if (failing > 0) {
        failing -= 1;
        throw new AppError('db_unavailable', 'the database is not reachable (injected)');
      }
      const deps = { store: createDbRunStore(db.db), rules: rulesAgents, loadRecords, clock: () => new Date(), ...(onProgress ? { onProgress } : {}) };
      return { deps, checkpointer, close: async () => {} };
    },
    settings: (mode) => ({ ...DEFAULT_RUN_SETTINGS, mode, concurrency: 2 }),
    failNext: (count) => void (failing = count),
    calls: () => calls,
    close: () => checkpointer.close(),
  };
}
