/**
 * The app shell in real Chromium against the real API serving the real build:
 * navigation, active item, the health pill, and deep links through the SPA
 * fallback. Screenshots go to a temp folder for a person to look at.
 */
import { mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shouldSkipBrowserTests, startWebAppServer, type WebAppServer } from '../../test/browser.ts';

const SECTIONS = [
  { label: 'Review queue', path: '/' },
  { label: 'Runs', path: '/runs' },
  { label: 'Dashboard', path: '/dashboard' },
  { label: 'Imports', path: '/imports' },
  { label: 'Evaluations', path: '/evals' },
  { label: 'Audit log', path: '/audit' },
] as const;

const SCREENSHOT_DIR = join(tmpdir(), 'recon-screenshots');

describe.skipIf(shouldSkipBrowserTests())('app shell in Chromium', () => {
  let server: WebAppServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startWebAppServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (path: string): Promise<Page> => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status(), path).toBe(200);
    return page;
  };
  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const heading = () => page.getByRole('heading', { level: 1 }).textContent();

  it('lists all six sections, each linking to its route, with the current one marked', async () => {
    await open('/');
    await expect(page.title()).resolves.toBe('Review queue · Recon');
    await expect(page.getByRole('banner').getByText('Recon', { exact: true }).isVisible()).resolves.toBe(true);
    for (const section of SECTIONS) {
      const link = nav().getByRole('link', { name: section.label, exact: true });
      await expect(link.isVisible(), section.label).resolves.toBe(true);
      await expect(link.getAttribute('href'), section.label).resolves.toBe(section.path);
    }
    await expect(nav().locator('[aria-current="page"]').textContent()).resolves.toContain('Review queue');
    await expect(page.getByRole('main').isVisible()).resolves.toBe(true);
    await expect(heading()).resolves.toBe('Review queue');
    await page.close();
  });

  it('navigates client-side to Runs and moves aria-current with it', async () => {
    await open('/');
    // Survives only if the router handles the click without reloading the document.
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
    await nav().getByRole('link', { name: 'Runs', exact: true }).click();
    await page.waitForURL(`${server.url}/runs`);
    await expect(heading()).resolves.toBe('Runs');
    await expect(page.title()).resolves.toBe('Runs · Recon');
    await expect(page.evaluate(() => '__sameDocument' in window)).resolves.toBe(true);
    await expect(nav().getByRole('link', { name: 'Runs', exact: true }).getAttribute('aria-current')).resolves.toBe('page');
    await expect(nav().getByRole('link', { name: 'Review queue', exact: true }).getAttribute('aria-current')).resolves.toBeNull();
    await expect(nav().locator('[aria-current="page"]').count()).resolves.toBe(1);
    await page.close();
  });

  it('shows the API as up in the header, with the database kind', async () => {
    await open('/');
    const pill = page.getByTestId('health-status');
    await pill.getByText('All systems up').waitFor();
    await expect(pill.textContent()).resolves.toContain(server.dbKind);
    await expect(pill.getAttribute('class')).resolves.toContain('health--ok');
    await page.close();
  });

  it('loads a deep link directly and shows a not-found page for unknown paths', async () => {
    await open('/dashboard');
    await expect(heading()).resolves.toBe('Dashboard');
    await expect(nav().getByRole('link', { name: 'Dashboard', exact: true }).getAttribute('aria-current')).resolves.toBe('page');
    await page.close();

    await open('/no/such/page');
    await expect(heading()).resolves.toBe('Page not found');
    await expect(nav().locator('[aria-current="page"]').count()).resolves.toBe(0);
    await page.close();
  });

  it('renders every section with a designed state when signed out: an empty state or a notice that says what to do, never a blank page', async () => {
    // The pages' designed states: the shared empty state, the operations pages' notices, the review screens' alerts.
    const designed = '.empty-state h2, .ops-notice, [role="alert"], [role="status"]';
    for (const section of SECTIONS) {
      await open(section.path);
      await expect(heading(), section.path).resolves.toBe(section.label);
      const state = page.locator(designed).first();
      await state.waitFor({ state: 'visible', timeout: 10_000 });
      await expect(state.innerText(), section.path).resolves.toMatch(/\w{3,}/);
      await page.close();
    }
  });

  it('saves screenshots of the shell, wide and narrow', async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    for (const [name, viewport] of [
      ['app-shell.png', { width: 1280, height: 800 }],
      ['app-shell-narrow.png', { width: 420, height: 800 }],
    ] as const) {
      page = await browser.newPage({ viewport });
      await page.goto(`${server.url}/runs`);
      await page.getByTestId('health-status').getByText('All systems up').waitFor();
      // Skip link, brand, then the first nav item: the screenshot shows the focus ring as well.
      for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
      const path = join(SCREENSHOT_DIR, name);
      await page.screenshot({ path });
      expect(statSync(path).size).toBeGreaterThan(5_000);
      await page.close();
    }
  });
});
