/**
 * The graph checkpointer: PostgresSaver in its own schema on the run's
 * PostgreSQL server, or — embedded — on a PGlite instance of its own in
 * `<dataDir>/checkpoints` (PGlite is one process per folder, and the app's
 * database is already open in another instance).
 */
import { PGlite } from '@electric-sql/pglite';
import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PglitePool } from './pglite-pool.ts';

export const CHECKPOINT_SCHEMA = 'recon_checkpoints';

export interface CheckpointerOptions {
  readonly databaseUrl?: string | undefined;
  /** Embedded: parent folder of `checkpoints/`; `memory://` for a throw-away instance. */
  readonly dataDir: string;
}

export interface CheckpointerHandle {
  readonly saver: PostgresSaver;
  close(): Promise<void>;
}

export async function createCheckpointer(options: CheckpointerOptions): Promise<CheckpointerHandle> {
  let saver: PostgresSaver;
  if (options.databaseUrl) {
    saver = PostgresSaver.fromConnString(options.databaseUrl, { schema: CHECKPOINT_SCHEMA });
  } else {
    const memory = options.dataDir === 'memory://';
    const folder = join(options.dataDir, 'checkpoints');
    if (!memory) mkdirSync(folder, { recursive: true });
    const db = memory ? new PGlite() : new PGlite(folder);
    // The saver only calls connect/query/end; the adapter provides exactly those.
    saver = new PostgresSaver(new PglitePool(db) as unknown as ConstructorParameters<typeof PostgresSaver>[0], undefined, { schema: CHECKPOINT_SCHEMA });
  }
  await saver.setup();
  return { saver, close: () => saver.end() };
}
