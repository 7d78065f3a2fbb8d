/**
 * Builds the adapters a command needs from the configuration: logger and
 * database. Entry points are the only place where adapters are wired.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Config } from '../core/config/config-schema.ts';
import { createDatabase, type DatabaseHandle } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { createLogger, type Logger } from '../monitoring/logger.ts';
import { isInteractive } from './config.ts';

export function createCliLogger(config: Config): Logger {
  return createLogger({
    level: config.logLevel,
    format: config.env !== 'production' && isInteractive() ? 'pretty' : 'json',
  });
}

export async function openDatabase(config: Config, logger: Logger): Promise<DatabaseHandle> {
  const dataDir = resolve(config.dataDir);
  if (!config.databaseUrl) await mkdir(dataDir, { recursive: true });
  const handle = await createDatabase({ databaseUrl: config.databaseUrl, dataDir });
  logger.debug({ kind: handle.kind }, 'database opened');
  return handle;
}

/** Opens the database and brings its schema up to date; used by every command that touches data. */
export async function openMigratedDatabase(config: Config, logger: Logger): Promise<DatabaseHandle> {
  const handle = await openDatabase(config, logger);
  try {
    const result = await runMigrations(handle);
    logger.info({ kind: handle.kind, applied: result.applied, total: result.total }, 'database schema up to date');
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}
