/**
 * Runs the bundled demo batch through the agent graph, once: the run id is
 * derived from the reconciliation and as-of date, so a second `npm start`
 * finds the finished run (in the store and the checkpoint) instead of making
 * another one.
 */
import { createHash } from 'node:crypto';
import type { Config } from '../../core/config/config-schema.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import type { Logger } from '../../monitoring/logger.ts';
import { runBatch } from '../../agents/run-batch.ts';
import type { RunSummary } from '../../agents/graph/run-state.ts';
import { reconciliationRecords, reconciliationSettings } from '../run-sources.ts';
import { runSettings, wireRun } from '../run-wiring.ts';
import type { DemoLoadResult } from './load-demo-batch.ts';

/** A UUID (version 8, name-based) from a name: the same name, the same id. */
export function nameBasedUuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Runs the batch `loadDemoBatch` stored; a finished run is found in its checkpoint and its records are not read again. */
export async function runDemo(config: Config, db: DatabaseHandle, logger: Logger, demo: Pick<DemoLoadResult, 'reconciliationId' | 'asOf'>): Promise<RunSummary> {
  const { reconciliationId: id, asOf } = demo;
  const settings = await reconciliationSettings(db.db, id);
  const runId = nameBasedUuid(`demo:${id}:${asOf}:${config.mode}`);
  const wiring = await wireRun(config, db, () => reconciliationRecords(db.db, id), logger.child({ runId }));
  try {
    const result = await runBatch({
      deps: wiring.deps,
      settings: runSettings(config),
      checkpointer: wiring.checkpointer.saver,
      input: { runId, reconciliationId: id, domain: settings.domain, asOf, matchConfig: settings.config },
    });
    return result.summary;
  } finally {
    await wiring.close();
  }
}
