/**
 * The review queue in headless Chromium over 10,000 waiting exceptions:
 * first meaningful render (navigation start to the first row in the DOM),
 * all 10,000 loaded, a filter keystroke to its painted frame, scrolling
 * frame rate sampled with requestAnimationFrame while the grid scrolls 3 s,
 * and the gzipped size of the JS bundle. PostgreSQL (a scratch database)
 * when DATABASE_URL is set, else embedded PGlite in memory.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { createApp } from '../api/app.ts';
import { startServer } from '../api/server.ts';
import { testApiDeps } from '../api/testing/test-deps.ts';
import { ensureWebBuilt } from '../cli/web-build.ts';
import { createDatabase, MEMORY_DATA_DIR } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { createApiToken, createUser } from '../db/repositories/users-repository.ts';
import { createScratchDatabase, type ScratchDatabase } from '../db/testing/test-database.ts';
import { launchBrowser } from '../test/browser.ts';
import { seedApiBench } from './api-seed.ts';
import { sampleScroll, timeKeystroke, watchFirstRow } from './web-queue-measure.ts';
import { traceWhile } from './web-queue-trace.ts';

/** seedApiBench leaves five in eight exceptions waiting (open, suggested, escalated): 16,000 make a queue of 10,000. */
const QUEUE = 10_000;
const SEEDED = (QUEUE * 8) / 5;

function line(what: string, value: string, target: string): void {
  process.stdout.write(`web-queue ${what.padEnd(28)} ${value.padStart(12)}   target ${target}\n`);
}

function bundleGzipBytes(distDir: string): { files: number; raw: number; gzip: number } {
  const dir = join(distDir, 'assets');
  const js = readdirSync(dir).filter((f) => f.endsWith('.js'));
  let raw = 0;
  let gzip = 0;
  for (const f of js) {
    const bytes = readFileSync(join(dir, f));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: js.length, raw, gzip };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function webQueueBench(options: { scale: number; databaseUrl: string | undefined }): Promise<void> {
  const { distDir } = await ensureWebBuilt();
  const bundle = bundleGzipBytes(distDir);
  line('JS bundle (gzip)', `${(bundle.gzip / 1024).toFixed(1)} kB`, '< 250 kB');

  const count = Math.round(SEEDED * options.scale);
  let scratch: ScratchDatabase | undefined;
  if (options.databaseUrl) scratch = await createScratchDatabase(options.databaseUrl);
  const handle = await createDatabase({ databaseUrl: scratch?.url, dataDir: MEMORY_DATA_DIR });
  const browser = await launchBrowser();
  try {
    await runMigrations(handle);
    await seedApiBench(handle.db, count);
    const waiting = await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from exceptions where status in ('open','suggested','edited','escalated')`);
    const rows = (waiting as unknown as { rows?: { n: number }[] }).rows ?? (waiting as unknown as { n: number }[]);
    process.stdout.write(`web-queue database ${handle.kind}, ${count.toLocaleString('en-US')} exceptions, ${Number(rows[0]?.n ?? 0).toLocaleString('en-US')} waiting, load ${loadavg()[0]!.toFixed(1)}\n`);
    const user = await createUser(handle.db, { email: 'bench-web@example.test', name: 'Bench', role: 'approver' });
    const { token } = await createApiToken(handle.db, user.id, 'bench');
    const server = await startServer(createApp(testApiDeps(handle, { rateLimitPerMinute: 0, webDistDir: distDir })), { port: 0, host: '127.0.0.1' });
    try {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      await context.request.post(`${server.url}/api/auth/login`, { data: { token } });
      const renders: number[] = [];
      const loadedAll: number[] = [];
      for (let i = 0; i < 3; i++) {
        const page = await context.newPage();
        // tsx keeps function names through a `__name` helper the page does not have; give it one.
        await page.addInitScript('window.__name = (f) => f;');
        await page.addInitScript(watchFirstRow);
        const started = performance.now();
        await page.goto(`${server.url}/`);
        await page.waitForFunction(() => (window as unknown as { __firstRowAt?: number }).__firstRowAt !== undefined, undefined, { timeout: 60_000 });
        renders.push(await page.evaluate(() => (window as unknown as { __firstRowAt: number }).__firstRowAt));
        await page.waitForFunction(() => /exceptions$/.test(document.querySelector('.queue__count')?.textContent?.trim() ?? ''), undefined, { timeout: 120_000, polling: 100 });
        loadedAll.push(performance.now() - started);
        if (i < 2) await page.close();
        else {
          const total = await page.locator('.queue__count').textContent();
          line('first row rendered (median)', `${median(renders).toFixed(0)} ms`, '< 1500 ms');
          line('all rows loaded (median)', `${median(loadedAll).toFixed(0)} ms`, `(${total?.trim()})`);
          const keys: number[] = [];
          for (let round = 0; round < 3; round++) {
            for (const value of ['D', 'DE', 'DE4', 'DE44', 'DE4', 'DE', 'D', '']) {
              const k = await page.evaluate(timeKeystroke, value);
              keys.push(k.ms);
            }
          }
          line('filter keystroke (median)', `${median(keys).toFixed(1)} ms`, '< 100 ms');
          line('filter keystroke (worst)', `${Math.max(...keys).toFixed(1)} ms`, `(${keys.length} keystrokes over 10,000 rows)`);
          await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
          const scroll = await page.evaluate(sampleScroll, { seconds: 3, step: 132 });
          line('scroll frame rate', `${scroll.fps.toFixed(1)} fps`, '60 fps');
          line('scroll frame p95 / worst', `${scroll.p95.toFixed(1)} / ${scroll.worst.toFixed(1)} ms`, `(${scroll.longFrames} of ${scroll.frames} frames over 20 ms; ≤ ${scroll.maxRendered} rows in the DOM)`);
          const trace = await traceWhile(browser, page, () => page.evaluate(sampleScroll, { seconds: 3, step: 132 }));
          const ms = (group: string) => (trace.perFrame[group] ?? 0).toFixed(1);
          line('scroll, Chromium trace', `${trace.drawnFps.toFixed(1)} fps`, `60 fps (per frame: script ${ms('scripting')} ms, style+layout ${ms('layout')} ms, paint ${ms('paint')} ms)`);
          await page.close();
        }
      }
      await context.close();
    } finally {
      await server.close();
    }
  } finally {
    await browser.close();
    await handle.close();
    await scratch?.drop();
  }
}
