/**
 * The `recon` command as a user runs it: a real child process, real stdout and
 * stderr, a real HTTP server.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECON_BIN, runRecon } from '../test/recon-process.ts';
import { systemPath } from './config.ts';
import { createScratchDatabaseUrl } from '../test/scratch-database.ts';

let dataDir: string;

const run = runRecon;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'recon-cli-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('recon CLI', () => {
  it('prints help listing the commands', async () => {
    const result = await run(['--help'], {});
    expect(result.code).toBe(0);
    for (const name of ['start', 'serve', 'migrate', 'demo']) expect(result.stdout).toContain(name);
  });

  it('stops start-up on bad configuration with one message listing every problem', async () => {
    const result = await run(['serve'], { PORT: 'abc', DATABASE_URL: 'not-a-url', LOG_LEVEL: 'chatty', RECON_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Invalid configuration (3 problems)');
    expect(result.stderr).toMatch(/PORT: must be a whole number/);
    expect(result.stderr).toMatch(/DATABASE_URL: must be a URL/);
    expect(result.stderr).toMatch(/LOG_LEVEL:/);
    expect(result.stdout).toBe('');
  });

  it('generates labeled cases as JSON Lines', async () => {
    const out = join(dataDir, 'cases.jsonl');
    const result = await run(['generate', '--cases', '3', '--seed', '5', '--out', out], {});
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Wrote 3 cases (seed 5)');
    const lines = (await readFile(out, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { id: string; expected: { breaks: unknown[] } });
    expect(lines.map((l) => l.id)).toEqual(['cash-5-0001', 'cash-5-0002', 'cash-5-0003']);
    expect(lines[0]!.expected.breaks.length).toBe(4);
  });

  it('says what recon run needs', async () => {
    const result = await run(['run', '--mode', 'psychic'], { RECON_DATA_DIR: dataDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--reconciliation, --batch, or both --external and --internal');
    expect(result.stderr).toContain('--mode as one of rules, llm, hybrid');
  });

  it('rejects an unknown command', async () => {
    const result = await run(['frobnicate'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command "frobnicate"');
  });

  it('migrates and loads the demo idempotently', async () => {
    const databaseUrl = await createScratchDatabaseUrl();
    const env = { RECON_DATA_DIR: join(dataDir, 'data'), DATABASE_URL: databaseUrl.url ?? '', LOG_LEVEL: 'warn' };
    try {
      const migrate = await run(['migrate'], env);
      expect(migrate.stderr).toBe('');
      expect(migrate.code).toBe(0);
      expect(migrate.stdout).toMatch(/Database \((pglite|postgres)\) is up to date/);

      const first = await run(['demo'], env);
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/Loaded the demo batch .*: 19 statement lines, 18 ledger entries/);
      const second = await run(['demo'], env);
      expect(second.code).toBe(0);
      expect(second.stdout).toContain('already loaded');

      const reconciled = await run(['run', '--reconciliation', 'demo-operating-eur'], env);
      expect(reconciled.code, reconciled.stderr).toBe(0);
      expect(reconciled.stdout).toMatch(/matched +10 groups, 20 records/);
      expect(reconciled.stdout).toMatch(/breaks +12: /);
      expect(reconciled.stdout).toMatch(/sources +rules 12/);
      expect(reconciled.stdout).toMatch(/verified +12 of 12/);
    } finally {
      await databaseUrl.drop();
    }
  }, 120_000);
});

describe('recon serve', () => {
  it('serves health and JSON 404s, then stops cleanly on SIGTERM', async () => {
    const databaseUrl = await createScratchDatabaseUrl();
    const child = spawn(process.execPath, [RECON_BIN, 'serve'], {
      env: { PATH: systemPath(), PORT: '0', RECON_DATA_DIR: join(dataDir, 'serve'), DATABASE_URL: databaseUrl.url ?? '', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let buffer = '';
        child.stdout.on('data', (d: Buffer) => {
          buffer += d.toString();
          const match = /"url":"(http:[^"]+)"/.exec(buffer);
          if (match) resolve(match[1]!);
        });
        child.once('close', (code) => reject(new Error(`serve exited early with ${code}: ${buffer}`)));
      });
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', checks: { db: { status: 'up' } } });
      const missing = await fetch(`${url}/api/unknown`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
      const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await databaseUrl.drop();
    }
  });
});
