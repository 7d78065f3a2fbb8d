/**
 * Builds the Solid web app with Vite when its sources are newer than the last
 * build, so `npm start` works right after `npm install` and stays fast after.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const WEB_DIR = fileURLToPath(new URL('../web', import.meta.url));
/** Absolute path of the built web app (Vite's outDir), which the API serves. */
export const webDistDir = join(WEB_DIR, 'dist');
const VITE_CONFIG = join(WEB_DIR, 'vite.config.ts');

/**
 * Two processes (test workers, `recon start` next to a test run) may want a
 * build at once; Vite empties outDir first, so one would serve a half-written
 * folder. An atomic mkdir serialises them. Kept outside the repository so a
 * crash never leaves a file to commit; keyed by the checkout's path.
 */
const LOCK_DIR = join(tmpdir(), `recon-web-build-${createHash('sha256').update(WEB_DIR).digest('hex').slice(0, 12)}.lock`);
/** A build takes seconds; a lock this old belongs to a process that died. */
const STALE_LOCK_MS = 120_000;
const LOCK_WAIT_MS = 180_000;
const LOCK_POLL_MS = 100;

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  // A directory's own mtime changes when a file is deleted or renamed, which also needs a rebuild.
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** True when there is no build or a source file changed after it. */
export function webBuildIsStale(): boolean {
  const index = join(webDistDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = [join(WEB_DIR, 'src'), join(WEB_DIR, 'index.html'), VITE_CONFIG].filter((p) => existsSync(p));
  return sources.some((p) => newestMtime(p) > built);
}

function lockAgeMs(): number | undefined {
  try {
    return Date.now() - statSync(LOCK_DIR).mtimeMs;
  } catch {
    return undefined;
  }
}

async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = lockAgeMs();
      if (age !== undefined && age > STALE_LOCK_MS) rmSync(LOCK_DIR, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`Timed out waiting for another web build to finish (lock ${LOCK_DIR})`, { cause: error });
      else await sleep(LOCK_POLL_MS);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

export interface WebBuildOptions {
  /** Build even when the output looks current. */
  readonly force?: boolean;
  readonly logger?: { info(obj: object, msg: string): void };
}

export async function ensureWebBuilt(options: WebBuildOptions = {}): Promise<{ built: boolean; distDir: string }> {
  if (!options.force && !webBuildIsStale()) return { built: false, distDir: webDistDir };
  return withBuildLock(async () => {
    // Whoever held the lock before us may just have built it.
    if (!options.force && !webBuildIsStale()) return { built: false, distDir: webDistDir };
    options.logger?.info({ distDir: webDistDir }, 'building the web app');
    const started = Date.now();
    // Loaded only when a build is needed: a production image ships the built app without Vite.
    const { build } = await import('vite');
    await build({ configFile: VITE_CONFIG, logLevel: 'warn' });
    options.logger?.info({ distDir: webDistDir, durationMs: Date.now() - started }, 'web app built');
    return { built: true, distDir: webDistDir };
  });
}
