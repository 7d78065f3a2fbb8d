/**
 * The web shell in a real browser against the real server: navigation,
 * deep links through the SPA fallback, and the health pill.
 */
import { describe, expect, it } from 'vitest';
import { shouldSkipBrowserTests, webAppInBrowser } from '../browser.ts';

const SECTIONS = ['Review queue', 'Runs', 'Dashboard', 'Imports', 'Evaluations', 'Audit log'];

describe.skipIf(shouldSkipBrowserTests())('web shell in Chromium', () => {
  const app = webAppInBrowser({ version: 'e2e' });

  it('shows the navigation and moves between sections', async () => {
    const page = await app.browser.newPage();
    await page.goto(`${app.server.url}/`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const label of SECTIONS) await expect(nav.getByRole('link', { name: label }).isVisible()).resolves.toBe(true);
    expect(await nav.getByRole('link', { name: 'Review queue' }).getAttribute('aria-current')).toBe('page');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Review queue');

    await nav.getByRole('link', { name: 'Runs' }).click();
    await page.waitForURL(`${app.server.url}/runs`);
    expect(await nav.getByRole('link', { name: 'Runs' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: 'Review queue' }).getAttribute('aria-current')).toBeNull();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Runs');
    await page.close();
  });

  it('reports the system as up in the header', async () => {
    const page = await app.browser.newPage();
    await page.goto(`${app.server.url}/`);
    const pill = page.getByTestId('health-status');
    await pill.getByText('All systems up').waitFor();
    await expect(pill.textContent()).resolves.toContain(`database: ${app.server.dbKind} up`);
    await page.close();
  });

  it('loads deep links directly and shows a not-found page for unknown ones', async () => {
    const page = await app.browser.newPage();
    const response = await page.goto(`${app.server.url}/dashboard`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Dashboard');
    await page.goto(`${app.server.url}/no/such/page`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Page not found');
    await page.close();
  });
});
