/**
 * `recon eval` as a person runs it: a real child process on a small suite
 * written by the generator, the report in three formats plus the data
 * folder's latest.json, predictions in the contract format; a malformed file
 * refused with its line and field; and the mode comparison against the fake
 * LLM server over HTTP.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evalReportSchema } from '../../core/evals/eval-report.ts';
import { generateCases } from '../../evals/generator/generate-cases.ts';
import { predictionSchema } from '../../evals/prediction-schema.ts';
import { startFakeLlm, type FakeLlmServer } from '../../test/fake-llm/fake-llm-server.ts';
import { reconResponder } from '../../test/fake-llm/recon-responder.ts';
import { runRecon } from '../../test/recon-process.ts';

let dir: string;
let suite: string;
let server: FakeLlmServer;
const env = () => ({ RECON_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent' });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recon-eval-'));
  suite = join(dir, 'small.jsonl');
  const cases = [...generateCases({ cases: 3, seed: 31, breaksPerCase: 4, matchesPerCase: 2 }), ...generateCases({ cases: 2, seed: 32, domain: 'securities', breaksPerCase: 3, matchesPerCase: 1, difficulty: 'noisy' })];
  await writeFile(suite, cases.map((c) => JSON.stringify(c)).join('\n'));
  server = await startFakeLlm({ responder: reconResponder() });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('recon eval', () => {
  it('scores a small suite in rules mode and writes predictions and the report', async () => {
    const out = join(dir, 'predictions.jsonl');
    const report = join(dir, 'report');
    const run = await runRecon(['eval', '--cases', suite, '--out', out, '--report', report, '--seed', '5'], env());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/rules: matching F1 \d\.\d{4}, type accuracy/);
    const predictions = (await readFile(out, 'utf8')).trim().split('\n').map((l) => predictionSchema.parse(JSON.parse(l)));
    expect(predictions.map((p) => p.id)).toHaveLength(5);
    expect(predictions.every((p) => p.mode === 'rules' && p.breaks.every((b) => b.confidence >= 0 && b.confidence <= 1))).toBe(true);
    const json = evalReportSchema.parse(JSON.parse(await readFile(join(report, 'report.json'), 'utf8')));
    expect(json.seed).toBe(5);
    expect(json.gitRevision).not.toBe('');
    expect(json.calibration).toMatch(/^rules\|rules@/);
    expect(json.modes.map((m) => m.mode)).toEqual(['rules']);
    expect(json.modes[0]!.expectedBreaks).toBe(18);
    expect(json.modes[0]!.slices.some((s) => s.by === 'domain' && s.value === 'securities')).toBe(true);
    expect(JSON.parse(await readFile(join(dir, 'data', 'evals', 'latest.json'), 'utf8'))).toEqual(JSON.parse(await readFile(join(report, 'report.json'), 'utf8')));
    const html = await readFile(join(report, 'report.html'), 'utf8');
    expect(html).toContain('aria-label="confusion matrix"');
    expect(html).toContain('aria-label="calibration curve"');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    expect(await readFile(join(report, 'report.md'), 'utf8')).toMatch(/^# Recon evaluation report/);
  });

  it('refuses a malformed case file naming the line and field, and scores nothing', async () => {
    const bad = join(dir, 'bad.jsonl');
    const [c] = generateCases({ cases: 1, seed: 33 });
    await writeFile(bad, `${JSON.stringify(c)}\n${JSON.stringify({ ...c, id: 'x', domain: 'crypto' })}\n`);
    const run = await runRecon(['eval', '--cases', bad], env());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.jsonl: 1 invalid case line; nothing was scored/);
    expect(run.stderr).toMatch(/line 2, .*field domain: case x:/);
    expect(run.stdout).not.toMatch(/matching F1/);
  });

  it('asks for an LLM endpoint before running the llm mode', async () => {
    const run = await runRecon(['eval', '--cases', suite, '--mode', 'llm'], env());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/needs an LLM endpoint \(LLM_BASE_URL\)/);
  });

  it('compares rules, llm and hybrid on the same cases against an LLM endpoint', async () => {
    const report = join(dir, 'compare');
    const before = server.requests.length;
    const run = await runRecon(['eval', '--cases', suite, '--mode', 'compare', '--report', report, '--resamples', '20'], { ...env(), LLM_BASE_URL: server.baseUrl, LLM_MODEL: 'fake-model', LLM_PRICE_PROMPT_PER_MTOK: '0.15', LLM_PRICE_COMPLETION_PER_MTOK: '0.60' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = evalReportSchema.parse(JSON.parse(await readFile(join(report, 'report.json'), 'utf8')));
    expect(json.model).toBe('fake-model');
    expect(json.modes.map((m) => m.mode)).toEqual(['rules', 'llm', 'hybrid']);
    const [rules, llm] = json.modes;
    expect(server.requests.length).toBeGreaterThan(before);
    expect(rules!.usage.tokensIn).toBe(0);
    expect(llm!.usage.tokensIn).toBeGreaterThan(0);
    expect(Number(llm!.usage.cost)).toBeGreaterThan(0);
    // The fake escalates every break: the LLM mode's actions are mostly wrong where the rules are right.
    expect(llm!.headline.actionAccuracy).toBeLessThan(rules!.headline.actionAccuracy);
    expect(await readFile(join(report, 'report.md'), 'utf8')).toContain('## Mode comparison');
  });
});
