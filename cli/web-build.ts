/**
 * Builds the Solid web app with Vite when its sources are newer than the last
 * build, so `npm start` works right after `npm install` and stays fast after.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB_DIR = fileURLToPath(new URL('../web', import.meta.url));
export const webDistDir = join(WEB_DIR, 'dist');
const VITE_CONFIG = join(WEB_DIR, 'vite.config.ts');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
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

export interface WebBuildOptions {
  readonly force?: boolean;
  readonly logger?: { info(obj: object, msg: string): void };
}

export async function ensureWebBuilt(options: WebBuildOptions = {}): Promise<{ built: boolean; distDir: string }> {
  if (!options.force && !webBuildIsStale()) return { built: false, distDir: webDistDir };
  options.logger?.info({ distDir: webDistDir }, 'building the web app');
  // Loaded only when a build is needed: a production image ships the built app without Vite.
  const { build } = await import('vite');
  await build({ configFile: VITE_CONFIG, logLevel: 'warn' });
  return { built: true, distDir: webDistDir };
}
