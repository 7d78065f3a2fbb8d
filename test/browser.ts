/**
 * Browser tests drive Debian's Chromium through playwright-core (no browser
 * download). Without Chromium they skip with a message — except when
 * RECON_REQUIRE_SERVICES=1 (CI), where they must run.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { testEnv } from './test-env.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export function browserAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Skip only where a person runs the suite without Chromium; CI must fail instead. */
export function shouldSkipBrowserTests(): boolean {
  if (browserAvailable()) return false;
  if (testEnv.requireServices) return false;
  console.warn(`Browser tests skipped: ${CHROMIUM_PATH} not found (install Debian's chromium package to run them).`);
  return true;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // The machine has no network beyond loopback: keep Chromium from trying.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
