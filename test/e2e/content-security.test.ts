/**
 * The app's CSP in a real browser with no network beyond the server: the
 * interactive API docs render the Recon API document and the web app runs,
 * with nothing blocked and nothing fetched from elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { shouldSkipBrowserTests, webAppInBrowser } from '../browser.ts';

describe.skipIf(shouldSkipBrowserTests())('API docs and web app under the CSP in Chromium', () => {
  const app = webAppInBrowser({ version: 'e2e' });

  async function watchedPage() {
    const page = await app.browser.newPage();
    const problems: string[] = [];
    const foreign: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith(app.server.url) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    return { page, problems, foreign };
  }

  it('renders the document with local assets only and no CSP violations', async () => {
    const { page, problems, foreign } = await watchedPage();
    await page.goto(`${app.server.url}/api/docs`);
    await page.locator('.swagger-ui .info .title').getByText('Recon API').waitFor({ timeout: 20_000 });
    await page.locator('.opblock-tag', { hasText: 'auth' }).first().waitFor();
    expect(foreign).toEqual([]);
    expect(problems.filter((p) => /Content Security Policy|Refused to/i.test(p))).toEqual([]);
    await page.close();
  }, 60_000);

  it('runs the web app with no CSP violations', async () => {
    const { page, problems, foreign } = await watchedPage();
    await page.goto(`${app.server.url}/`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(foreign).toEqual([]);
    expect(problems.filter((p) => /Content Security Policy|Refused to/i.test(p))).toEqual([]);
    await page.close();
  }, 60_000);
});
