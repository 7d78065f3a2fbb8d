/**
 * The app's CSP in a real browser with no network beyond the server: the
 * interactive API docs render the Recon API document and the web app runs,
 * with nothing blocked and nothing fetched from elsewhere.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shouldSkipBrowserTests, startWebAppServer, type WebAppServer } from '../browser.ts';

describe.skipIf(shouldSkipBrowserTests())('API docs and web app under the CSP in Chromium', () => {
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

  async function watchedPage() {
    const page = await browser.newPage();
    const problems: string[] = [];
    const foreign: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    return { page, problems, foreign };
  }

  it('renders the document with local assets only and no CSP violations', async () => {
    const { page, problems, foreign } = await watchedPage();
    await page.goto(`${server.url}/api/docs`);
    await page.locator('.swagger-ui .info .title').getByText('Recon API').waitFor({ timeout: 20_000 });
    await page.locator('.opblock-tag', { hasText: 'auth' }).first().waitFor();
    expect(foreign).toEqual([]);
    expect(problems.filter((p) => /Content Security Policy|Refused to/i.test(p))).toEqual([]);
    await page.close();
  }, 60_000);

  it('runs the web app with no CSP violations', async () => {
    const { page, problems, foreign } = await watchedPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(foreign).toEqual([]);
    expect(problems.filter((p) => /Content Security Policy|Refused to/i.test(p))).toEqual([]);
    await page.close();
  }, 60_000);
});
