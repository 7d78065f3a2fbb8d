/**
 * The web shell in a real browser against the real server: navigation,
 * deep links through the SPA fallback, and the health pill.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shouldSkipBrowserTests, startWebAppServer, type WebAppServer } from '../browser.ts';

const SECTIONS = ['Review queue', 'Runs', 'Dashboard', 'Imports', 'Evaluations', 'Audit log'];

describe.skipIf(shouldSkipBrowserTests())('web shell in Chromium', () => {
  let server: WebAppServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startWebAppServer({ version: 'e2e' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the navigation and moves between sections', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const label of SECTIONS) await expect(nav.getByRole('link', { name: label }).isVisible()).resolves.toBe(true);
    expect(await nav.getByRole('link', { name: 'Review queue' }).getAttribute('aria-current')).toBe('page');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Review queue');

    await nav.getByRole('link', { name: 'Runs' }).click();
    await page.waitForURL(`${server.url}/runs`);
    expect(await nav.getByRole('link', { name: 'Runs' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: 'Review queue' }).getAttribute('aria-current')).toBeNull();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Runs');
    await page.close();
  });

  it('reports the system as up in the header', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    const pill = page.getByTestId('health-status');
    await pill.getByText('All systems up').waitFor();
    await expect(pill.textContent()).resolves.toContain(`database: ${server.dbKind} up`);
    await page.close();
  });

  it('loads deep links directly and shows a not-found page for unknown ones', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}/dashboard`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Dashboard');
    await page.goto(`${server.url}/no/such/page`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Page not found');
    await page.close();
  });
});
