/**
 * The review app's end-to-end setting: the real API serving the real web
 * build over a test database holding a generated case run through the
 * rules agents (breaks as a night's run leaves them) plus a few seeded
 * exceptions whose outcome each test knows, users of every role, and
 * Chromium. Screenshots go to test-artifacts/screenshots/, which CI keeps.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { caseSides } from '../../agents/testing/case-batch.ts';
import { createApp } from '../../api/app.ts';
import { testCaller, type TestCaller } from '../../api/testing/test-auth.ts';
import { testApiDeps } from '../../api/testing/test-deps.ts';
import { startServer, type RunningServer } from '../../api/server.ts';
import { createRunLauncher, type InProcessRunLauncher } from '../../cli/run-launcher.ts';
import { ensureWebBuilt } from '../../cli/web-build.ts';
import { parseConfig } from '../../core/config/config-schema.ts';
import type { UserRole } from '../../core/statuses.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { storeImport } from '../../db/repositories/imports-repository.ts';
import { exceptions } from '../../db/schema/exceptions.ts';
import { reconciliations } from '../../db/schema/reconciliations.ts';
import { seedException, type ReviewScenario, type SeededException } from '../../db/testing/review-test-data.ts';
import { createLogger } from '../../monitoring/logger.ts';
import { launchBrowser } from '../browser.ts';
import { generateCases } from '../generated-cases.ts';
import { openTestDatabase } from '../test-db.ts';

export const SCREENSHOT_DIR = join(process.cwd(), 'test-artifacts', 'screenshots');
export const GENERATED_RECONCILIATION = 'generated-ops';

export interface ReviewWorld {
  readonly url: string;
  readonly db: DatabaseHandle;
  readonly browser: Browser;
  readonly users: Readonly<Record<'viewer' | 'reviewer' | 'approver' | 'secondApprover', TestCaller>>;
  /** How many exceptions the generated case's run left. */
  readonly generatedExceptions: number;
  seed(scenario: ReviewScenario): Promise<SeededException>;
  /** A page signed in through the API (the cookie set as the login form would). */
  signedInPage(user: TestCaller, viewport?: { width: number; height: number }): Promise<Page>;
  screenshot(page: Page, name: string): Promise<void>;
}

async function seedGeneratedRun(db: DatabaseHandle, requestedBy: string): Promise<number> {
  const [batch] = generateCases({ cases: 1, seed: 31, breaksPerCase: 14, matchesPerCase: 8 });
  const sides = caseSides(batch!);
  const external = sides.external.map((r) => ({ ...r, id: `e2e:${r.id}` }));
  const internal = sides.internal.map((r) => ({ ...r, id: `e2e:${r.id}` }));
  await db.db.insert(reconciliations).values({ id: GENERATED_RECONCILIATION, name: 'Generated ops', externalAccount: external[0]!.account, internalAccount: internal[0]!.account });
  await storeImport(db.db, { format: 'json', side: 'external', account: external[0]!.account, fileName: 'bank.json', sha256: randomUUID(), records: external });
  await storeImport(db.db, { format: 'json', side: 'internal', account: internal[0]!.account, fileName: 'ledger.json', sha256: randomUUID(), records: internal });
  const launcher: InProcessRunLauncher = createRunLauncher({ config: parseConfig({ RECON_DATA_DIR: 'memory://', LOG_LEVEL: 'silent' }), db, logger: createLogger({ level: 'silent' }) });
  try {
    await launcher.start({ reconciliationId: GENERATED_RECONCILIATION, asOf: batch!.asOf, requestedBy });
    await launcher.idle();
  } finally {
    await launcher.close();
  }
  return (await db.db.select({ id: exceptions.id }).from(exceptions)).length;
}

export function reviewWorld(): ReviewWorld {
  let db: DatabaseHandle | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let users: ReviewWorld['users'] | undefined;
  let generated = 0;
  beforeAll(async () => {
    const { distDir } = await ensureWebBuilt();
    db = await openTestDatabase();
    const roles: [keyof ReviewWorld['users'], UserRole][] = [['viewer', 'viewer'], ['reviewer', 'reviewer'], ['approver', 'approver'], ['secondApprover', 'approver']];
    const made = await Promise.all(roles.map(([, role]) => testCaller(db!.db, role)));
    users = Object.fromEntries(roles.map(([key], i) => [key, made[i]!])) as ReviewWorld['users'];
    generated = await seedGeneratedRun(db, users.approver.userId);
    server = await startServer(createApp(testApiDeps(db, { version: 'e2e', webDistDir: distDir })), { port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db?.close();
  });
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready (use it inside a test)`);
    return value;
  };
  return {
    get url() {
      return need(server, 'the server').url;
    },
    get db() {
      return need(db, 'the database');
    },
    get browser() {
      return need(browser, 'Chromium');
    },
    get users() {
      return need(users, 'the users');
    },
    get generatedExceptions() {
      return generated;
    },
    seed: (scenario) => seedException(need(db, 'the database').db, scenario),
    async signedInPage(user, viewport = { width: 1280, height: 860 }) {
      const context = await need(browser, 'Chromium').newContext({ viewport });
      const page = await context.newPage();
      // A closed page takes its context along; at the end the browser may already be going.
      page.on('close', () => void context.close().catch(() => undefined));
      const answer = await page.request.post(`${need(server, 'the server').url}/api/auth/login`, { data: { token: user.token } });
      if (answer.status() !== 200) throw new Error(`login failed: ${answer.status()}`);
      return page;
    },
    async screenshot(page, name) {
      await page.screenshot({ path: join(SCREENSHOT_DIR, name), fullPage: false });
    },
  };
}
