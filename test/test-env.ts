/**
 * The test harness's view of the environment, parsed by the same schema as
 * the application's, so tests and app agree on every variable.
 */
import { loadConfig } from '../cli/config.ts';

const config = loadConfig();

export const testEnv = {
  databaseUrl: config.databaseUrl,
  redisUrl: config.redisUrl,
  requireServices: config.requireServices,
} as const;
