/**
 * The configuration module of the process entry points: the one place that
 * reads `process.env`. It parses once and hands the typed result around.
 */
import { parseConfig, type Config } from '../core/config/config-schema.ts';

let cached: Config | undefined;

/** Throws `AppError('config_invalid')` listing every problem. */
export function loadConfig(overrides: Readonly<Record<string, string | undefined>> = {}): Config {
  if (cached && Object.keys(overrides).length === 0) return cached;
  const config = parseConfig({ ...process.env, ...overrides });
  if (Object.keys(overrides).length === 0) cached = config;
  return config;
}

/** Whether stdout is a person's terminal (pretty logs) rather than a pipe or a log shipper. */
export function isInteractive(): boolean {
  return process.stdout.isTTY === true;
}

/**
 * The search path, for child processes that must find the same programs as
 * this one (tests start `recon` with nothing of the environment but this).
 */
export function systemPath(): string {
  return process.env.PATH ?? '';
}
