/**
 * Browser tests drive Debian's Chromium through playwright-core (no browser
 * download). Without Chromium they skip with a message — except when
 * RECON_REQUIRE_SERVICES=1 (CI), where they must run, and so fail.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { createApp } from '../api/app.ts';
import { testApiDeps } from '../api/testing/test-deps.ts';
import { startServer } from '../api/server.ts';
import { ensureWebBuilt } from '../cli/web-build.ts';
import type { DatabaseKind } from '../db/client.ts';
import { openTestDatabase } from './test-db.ts';
import { testEnv } from './test-env.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The machine has no network beyond loopback: keep Chromium from trying. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function browserAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** RECON_REQUIRE_SERVICES=1 (CI): a missing browser is a failure, not a skip. Parsed like the app's config (1/true/yes). */
export function browserRequired(): boolean {
  return testEnv.requireServices;
}

/**
 * For `describe.skipIf(shouldSkipBrowserTests())`: true only where a person
 * runs the suite without Chromium, and then says why on the console.
 */
export function shouldSkipBrowserTests(): boolean {
  if (browserAvailable() || browserRequired()) return false;
  console.warn(`Browser tests skipped: ${CHROMIUM_PATH} not found (apt-get install chromium to run them; RECON_REQUIRE_SERVICES=1 makes this a failure).`);
  return true;
}

export function launchBrowser(): Promise<Browser> {
  if (!browserAvailable()) {
    // Only reached when required: fail with the fix rather than Playwright's generic spawn error.
    return Promise.reject(new Error(`Chromium is required (RECON_REQUIRE_SERVICES=1) but ${CHROMIUM_PATH} does not exist: apt-get install -y chromium`));
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface WebAppServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  /** Which database the health check will report (pglite here, postgres in CI). */
  readonly dbKind: DatabaseKind;
  close(): Promise<void>;
}

/**
 * The real API serving the freshly built web app on a random loopback port,
 * over a migrated test database: what a browser test points Chromium at.
 * Lives here so tests under web/ need not import server code themselves.
 */
export async function startWebAppServer(options: { version?: string } = {}): Promise<WebAppServer> {
  const { distDir } = await ensureWebBuilt();
  const db = await openTestDatabase();
  try {
    const app = createApp(testApiDeps(db, { version: options.version ?? 'browser-test', webDistDir: distDir }));
    const server = await startServer(app, { port: 0, host: '127.0.0.1' });
    return {
      url: server.url,
      dbKind: db.kind,
      close: async () => {
        await server.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/**
 * For a `describe` of browser tests: starts the web app server and Chromium
 * before its tests and closes both after them.
 */
export function webAppInBrowser(options: { version?: string } = {}): { readonly server: WebAppServer; readonly browser: Browser } {
  let server: WebAppServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startWebAppServer(options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('the web app server is not started yet (use it inside a test)');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not launched yet (use it inside a test)');
      return browser;
    },
  };
}
