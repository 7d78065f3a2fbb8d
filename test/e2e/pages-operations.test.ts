/**
 * The imports, runs, dashboard and audit pages in Chromium against the real
 * API serving the real build, with an in-process run launcher (rules mode)
 * over a test database holding a generated case's records: upload a CSV and
 * see its counts, upload a broken one and see its problems by line, start a
 * run and watch it finish with its figures, see the dashboard's charts and
 * the audit log with its chain verified; a viewer gets none of the controls.
 * A screenshot of each page goes to test-artifacts/screenshots/, which CI keeps.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { caseSides } from '../../agents/testing/case-batch.ts';
import { createApp } from '../../api/app.ts';
import { startServer, type RunningServer } from '../../api/server.ts';
import { testCaller, type TestCaller } from '../../api/testing/test-auth.ts';
import { testApiDeps } from '../../api/testing/test-deps.ts';
import { createRunLauncher, type InProcessRunLauncher } from '../../cli/run-launcher.ts';
import { ensureWebBuilt } from '../../cli/web-build.ts';
import { parseConfig } from '../../core/config/config-schema.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { storeImport } from '../../db/repositories/imports-repository.ts';
import { exceptions } from '../../db/schema/exceptions.ts';
import { reconciliations } from '../../db/schema/reconciliations.ts';
import { createLogger } from '../../monitoring/logger.ts';
import { launchBrowser, shouldSkipBrowserTests } from '../browser.ts';
import { generateCases } from '../generated-cases.ts';
import { openTestDatabase } from '../test-db.ts';

const SCREENSHOT_DIR = join(process.cwd(), 'test-artifacts', 'screenshots');
const RECONCILIATION = 'pages-ops';

const GOOD_CSV = 'Date,Amount,Currency,Reference,Counterparty\n2026-11-02,-100.00,EUR,INV-1001,ACME GmbH\n2026-11-02,250.50,EUR,INV-1002,Globex\n2026-11-03,-12.00,EUR,FEE-7,Bank\n';
const BAD_CSV = 'Date,Amount,Currency,Reference,Counterparty\n2026-11-02,-100.00,EUR,INV-1001,ACME GmbH\n2026-11-02,12x.50,EUR,INV-1002,Globex\n2026-13-03,-12.00,EUR,FEE-7,Bank\n';

describe.skipIf(shouldSkipBrowserTests())('runs, dashboard, imports and audit pages in Chromium', () => {
  let db: DatabaseHandle;
  let launcher: InProcessRunLauncher;
  let server: RunningServer;
  let browser: Browser;
  let admin: TestCaller;
  let viewer: TestCaller;
  let asOf: string;
  /** Uncaught errors in any page, checked after each test. */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const { distDir } = await ensureWebBuilt();
    db = await openTestDatabase();
    [admin, viewer] = await Promise.all([testCaller(db.db, 'admin', 'Ada Admin'), testCaller(db.db, 'viewer', 'Vic Viewer')]);
    const [batch] = generateCases({ cases: 1, seed: 47, breaksPerCase: 10, matchesPerCase: 12 });
    asOf = batch!.asOf;
    const sides = caseSides(batch!);
    const external = sides.external.map((r) => ({ ...r, id: `pages:${r.id}` }));
    const internal = sides.internal.map((r) => ({ ...r, id: `pages:${r.id}` }));
    await db.db.insert(reconciliations).values({ id: RECONCILIATION, name: 'Operating EUR', externalAccount: external[0]!.account, internalAccount: internal[0]!.account, mode: 'rules' });
    await storeImport(db.db, { format: 'json', side: 'external', account: external[0]!.account, fileName: 'bank.json', sha256: randomUUID(), records: external });
    await storeImport(db.db, { format: 'json', side: 'internal', account: internal[0]!.account, fileName: 'ledger.json', sha256: randomUUID(), records: internal });
    // Embedded checkpoints in memory, rules only: the run needs no LLM and no checkpoint schema.
    launcher = createRunLauncher({ config: parseConfig({ RECON_DATA_DIR: 'memory://', LOG_LEVEL: 'silent' }), db, logger: createLogger({ level: 'silent' }) });
    server = await startServer(createApp(testApiDeps(db, { version: 'e2e', webDistDir: distDir, runs: launcher })), { port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });

  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await launcher?.close();
    await db?.close();
  });

  /** A page signed in as the login form does it: POST /api/auth/login from the page, which sets the HttpOnly cookie. */
  async function signedIn(user: TestCaller, path: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
    await page.goto(`${server.url}/login`);
    const status = await page.evaluate(async (token) => (await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) })).status, user.token);
    expect(status).toBe(200);
    await page.goto(`${server.url}${path}`);
    return page;
  }

  const screenshot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

  it('uploads a CSV and shows its counts, then refuses a broken one and lists its problems by line', async () => {
    const page = await signedIn(admin, '/imports');
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'november-bank.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_CSV) });
    await page.getByLabel('Account', { exact: true }).fill('DE-E2E-UPLOAD');
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect.poll(() => page.getByTestId('upload-count').textContent()).toBe('3');
    // The list refreshes with the new import at the top.
    await expect.poll(() => page.getByTestId('import-list').locator('tbody tr').first().textContent()).toContain('november-bank.csv');

    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) });
    await page.getByRole('button', { name: 'Upload' }).click();
    const issues = page.getByTestId('upload-issues').locator('tbody tr');
    await expect.poll(() => issues.count()).toBe(2);
    expect(await issues.nth(0).locator('td').allTextContents()).toEqual(['3', 'amount ("Amount")', '"12x.50" is not a number']);
    expect(await issues.nth(1).locator('td').first().textContent()).toBe('4');
    expect(await page.getByTestId('upload-refused').textContent()).toContain('Nothing was imported.');
    await screenshot(page, 'imports');

    // The stored import's detail opens from the list.
    await page.getByRole('link', { name: 'november-bank.csv' }).click();
    await expect.poll(() => page.getByTestId('import-detail').textContent()).toContain('No warnings and no errors.');
    await page.close();
  });

  it('starts a run and watches it finish with its figures', async () => {
    const page = await signedIn(admin, '/runs');
    const form = page.getByTestId('start-run-form');
    await form.getByLabel('Reconciliation', { exact: true }).selectOption(RECONCILIATION);
    await form.getByLabel('As of', { exact: true }).fill(asOf);
    // The run takes seconds (wiring, matching, agents); the page opens its event stream long before it ends.
    const stream = page.waitForResponse((r) => /\/api\/runs\/[0-9a-f-]{36}\/events$/.test(r.url()));
    await form.getByRole('button', { name: 'Start run' }).click();
    await page.waitForURL(/\/runs\?id=[0-9a-f-]{36}$/);
    const events = await stream;
    expect(events.headers()['content-type']).toContain('text/event-stream');
    const runId = new URL(page.url()).searchParams.get('id')!;
    await expect.poll(() => page.getByTestId('run-status').textContent(), { timeout: 60_000 }).toBe('completed');
    const stored = await db.db.select({ id: exceptions.id }).from(exceptions).where(eq(exceptions.runId, runId));
    expect(stored.length).toBeGreaterThan(0);
    expect(await page.getByTestId('stat-breaks').textContent()).toBe(String(stored.length));
    expect(await page.getByTestId('stat-matched').textContent()).toMatch(/^\d+\.\d%$/);
    expect(await page.getByTestId('run-by-type').locator('[data-label]').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('stat-cost').textContent()).toBe('$0');
    // The list below shows the run as completed too.
    await expect.poll(() => page.locator(`tr[data-run-id="${runId}"]`).textContent()).toContain('completed');
    await screenshot(page, 'runs');
    await page.close();
  }, 90_000);

  it('charts the nights, the open exceptions and the money at risk on the dashboard', async () => {
    const page = await signedIn(admin, '/dashboard');
    await expect.poll(() => page.getByTestId('chart-match-rate').locator('.chart__column').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('chart-open-type').locator('[data-label]').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('chart-open-age').locator('[data-label]').count()).toBe(5);
    expect(await page.getByTestId('money-at-risk').locator('.money__tile').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('dashboard-range').textContent()).toContain('–');
    await screenshot(page, 'dashboard');
    await page.close();
  });

  it('shows audit entries, filters them, and verifies the chain', async () => {
    const page = await signedIn(admin, '/audit');
    await expect.poll(() => page.getByTestId('chain-verified').textContent()).toContain('Chain verified');
    const actions = () => page.getByTestId('audit-table').locator('tbody tr td:nth-child(4)').allTextContents();
    await expect.poll(actions).toEqual(expect.arrayContaining(['run.finished', 'import.stored']));
    await screenshot(page, 'audit');
    await page.getByLabel('Action', { exact: true }).fill('import.*');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/action=import/);
    await expect.poll(async () => [...new Set(await actions())]).toEqual(['import.stored']);
    await page.close();
  });

  it('fits a laptop screen: no page scrolls sideways at 1024 px', async () => {
    const page = await signedIn(admin, '/runs');
    await page.setViewportSize({ width: 1024, height: 768 });
    for (const path of ['/runs', '/dashboard', '/imports', '/audit']) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await screenshot(page, 'audit-1024');
    await page.close();
  });

  it('gives a viewer the figures but no start-run or upload controls, and no audit log', async () => {
    const page = await signedIn(viewer, '/runs');
    await expect.poll(() => page.getByTestId('run-list').locator('tbody tr[data-run-id]').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('start-run-form').count()).toBe(0);
    await page.goto(`${server.url}/imports`);
    await expect.poll(() => page.getByTestId('import-list').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('upload-form').count()).toBe(0);
    await page.goto(`${server.url}/audit`);
    await expect.poll(() => page.getByText('The audit log is open to approvers and admins.').count()).toBe(1);
    expect(await page.getByTestId('chain-status').textContent()).toContain('Only admins can verify the chain.');
    await page.close();
  });
});
