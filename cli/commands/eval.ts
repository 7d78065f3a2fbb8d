/**
 * `recon eval`: runs labeled case files through the real graph and scores
 * them (report as JSON, Markdown and HTML; the latest JSON also in the data
 * folder for the API); `recon eval calibrate` fits the confidence
 * calibration; `recon eval ci` is the regression gate over the committed
 * suites; `recon eval export-decisions` writes reviewer decisions as cases.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, copyFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../../core/config/config-schema.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { AGENT_MODES, type AgentMode } from '../../core/statuses.ts';
import { rulesAgents } from '../../agents/rules-agents.ts';
import type { ConfidenceCalibration } from '../../agents/agent-ports.ts';
import { calibrationFrom, DEFAULT_CALIBRATION_FILE, readCalibrationMap, withEntry } from '../../evals/calibration/calibration-map.ts';
import { calibrationSamplesOf, fitCalibrationEntries } from '../../evals/calibration/fit-calibration.ts';
import { baselineFile, CALIBRATION_FILES, CI_SUITES, fromRoot } from '../../evals/ci/suites.ts';
import { compareToBaseline, formatDiff, readBaseline, TOLERANCE, writeBaseline } from '../../evals/ci/baseline.ts';
import { readCaseFiles } from '../../evals/io/read-cases.ts';
import { evaluate, writePredictions, writeReport } from '../../evals/run-eval.ts';
import { predictCases, type CaseDeps } from '../../evals/runner/run-cases.ts';
import { writeFile } from 'node:fs/promises';
import type { Command } from '../command.ts';
import { print, printError } from '../output.ts';
import { createCliLogger } from '../runtime.ts';
import { configuredLlmAgents, runSettings } from '../run-wiring.ts';
import { exportDecisionsCommand } from './eval-export.ts';

const USAGE = `recon eval --cases <file.jsonl>… [--mode rules|llm|hybrid|compare] [--out predictions.jsonl] [--report dir] [--seed N] [--raw] [--resamples N]
       (default compare: rules, llm and hybrid on the same cases with an LLM endpoint, else rules; --raw: no calibration)
       recon eval calibrate [--cases <file.jsonl>…] [--mode rules] [--out map.json]   (default: the committed calibration split and map)
       recon eval ci [--update]   (rules mode on the committed suites against their baselines)
       recon eval export-decisions --out decisions.jsonl   (reviewer decisions from the database as cases)`;

function gitRevision(): string {
  try {
    const rev = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    return dirty ? `${rev}-dirty` : rev;
  } catch {
    return 'unknown';
  }
}

function modesOf(value: string, config: Config): AgentMode[] {
  if (value === 'compare') return config.llm.baseUrl ? ['rules', 'llm', 'hybrid'] : ['rules'];
  const modes = value.split(',').map((m) => m.trim());
  const bad = modes.filter((m) => !AGENT_MODES.includes(m as AgentMode));
  if (bad.length > 0) throw new AppError('validation_failed', `--mode ${bad.join(',')}: use rules, llm, hybrid or compare\nUsage: ${USAGE}`);
  if (modes.some((m) => m !== 'rules') && !config.llm.baseUrl) throw new AppError('validation_failed', `--mode ${value} needs an LLM endpoint (LLM_BASE_URL); without one only the rules mode runs`);
  return modes as AgentMode[];
}

function depsFactory(config: Config, calibration: ConfidenceCalibration | undefined): (mode: AgentMode) => CaseDeps {
  const logger = createCliLogger(config);
  const llm = configuredLlmAgents(config, logger);
  return (mode) => ({ rules: rulesAgents, ...(llm && mode !== 'rules' ? { llm } : {}), clock: () => new Date(), price: config.llm.price, ...(calibration ? { calibration } : {}) });
}

function progress(mode: AgentMode, done: number, total: number): void {
  if (done === total || done % 50 === 0) print(`  ${mode}: ${done}/${total} cases`);
}

async function runEval(config: Config, argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { cases: { type: 'string', multiple: true }, mode: { type: 'string', default: 'compare' }, out: { type: 'string' }, report: { type: 'string' }, seed: { type: 'string', default: '1' }, raw: { type: 'boolean', default: false }, resamples: { type: 'string', default: '200' } },
  });
  const files = [...(values.cases ?? []), ...positionals];
  const seed = Number(values.seed);
  if (files.length === 0 || !Number.isInteger(seed)) throw new AppError('validation_failed', `recon eval needs --cases with at least one file and --seed as a whole number\nUsage: ${USAGE}`);
  const modes = modesOf(values.mode!, config);
  const cases = await readCaseFiles(files);
  const map = values.raw ? null : readCalibrationMap();
  const calibration = map ? calibrationFrom(map) : undefined;
  print(`Evaluating ${cases.length} cases in ${modes.join(', ')} mode${modes.length > 1 ? 's' : ''}${calibration ? ' (calibrated confidences)' : ''}.`);
  const { report, predictions } = await evaluate({
    cases,
    modes,
    depsFor: depsFactory(config, calibration),
    settings: runSettings(config),
    seed,
    resamples: Number(values.resamples),
    parallel: config.llm.baseUrl ? config.llm.concurrency : 2,
    meta: { gitRevision: gitRevision(), model: modes.some((m) => m !== 'rules') ? config.llm.model : null, calibration: calibration?.id ?? null, createdAt: new Date() },
    onCase: progress,
  });
  for (const m of report.modes) {
    const h = m.headline;
    print(`${m.mode}: matching F1 ${h.matchingF1.toFixed(4)}, type accuracy ${h.typeAccuracy.toFixed(4)}, macro-F1 ${h.typeMacroF1.toFixed(4)}, cause ${h.causeAccuracy.toFixed(4)}, exactness ${h.resolutionExactness.toFixed(4)}, ECE ${h.ece.toFixed(4)}, fallback ${h.fallbackRate.toFixed(4)}`);
    for (const t of m.targets.filter((x) => !x.met)) print(`  target missed: ${t.metric} on ${t.slice} is ${t.value?.toFixed(4)}, wanted ${t.op} ${t.target}`);
    for (const d of m.dragging.slice(0, 5)) print(`  drags: ${d.type} F1 ${d.f1.toFixed(2)}${d.confusedWith.length ? ` (taken for ${d.confusedWith.join(', ')})` : ''}`);
  }
  if (values.out) {
    await writePredictions(values.out, predictions);
    print(`Predictions: ${values.out}`);
  }
  if (values.report) {
    const paths = await writeReport(values.report, report);
    const latest = join(resolve(config.dataDir), 'evals');
    await mkdir(latest, { recursive: true });
    await copyFile(paths.json, join(latest, 'latest.json'));
    print(`Report: ${paths.markdown}, ${paths.html}, ${paths.json} (latest in ${join(latest, 'latest.json')})`);
  }
  return 0;
}

async function runCalibrate(config: Config, argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { cases: { type: 'string', multiple: true }, mode: { type: 'string', default: 'rules' }, out: { type: 'string' } } });
  const files = [...(values.cases ?? []), ...positionals];
  const split = files.length > 0 ? files : [...CALIBRATION_FILES];
  const modes = modesOf(values.mode!, config);
  const loaded = await readCaseFiles(files.length > 0 ? split : split.map(fromRoot));
  const cases = loaded.map((c) => c.case);
  const deps = depsFactory(config, undefined);
  const out = values.out ?? DEFAULT_CALIBRATION_FILE;
  let map = readCalibrationMap(out);
  const now = new Date();
  for (const mode of modes) {
    // Raw confidences: the fit must not see an earlier calibration.
    const predictions = await predictCases(cases, { mode, deps: deps(mode), settings: runSettings(config), parallel: 2 });
    for (const entry of fitCalibrationEntries(calibrationSamplesOf(cases, predictions), split, now)) {
      map = withEntry(map, entry);
      print(`Fitted ${entry.key.source} ${entry.key.promptVersion}${entry.key.model ? ` ${entry.key.model}` : ''} on ${entry.samples} answers: ${entry.points.map((p) => `${p.from.toFixed(2)}–${p.to.toFixed(2)} → ${p.value.toFixed(3)}`).join(', ')}`);
    }
  }
  await writeFile(out, `${JSON.stringify(map, null, 2)}\n`);
  print(`Calibration map: ${out instanceof URL ? out.pathname : out}`);
  return 0;
}

async function runCi(config: Config, argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...argv], options: { update: { type: 'boolean', default: false } } });
  const map = readCalibrationMap();
  const calibration = map ? calibrationFrom(map) : undefined;
  const revision = gitRevision();
  let failed = false;
  for (const suite of CI_SUITES) {
    const cases = await readCaseFiles(suite.files.map(fromRoot));
    const { report } = await evaluate({ cases, modes: ['rules'], depsFor: depsFactory(config, calibration), settings: runSettings(config, 'rules'), seed: 1, resamples: 0, parallel: 2, meta: { gitRevision: revision, model: null, calibration: calibration?.id ?? null, createdAt: new Date() } });
    const mode = report.modes[0]!;
    const file = baselineFile(suite);
    const baseline = await readBaseline(file);
    if (values.update || !baseline) {
      await writeBaseline(file, { suite: suite.name, files: [...suite.files], mode: 'rules', cases: mode.cases, gitRevision: revision, rulesVersion: report.rulesVersion, calibration: report.calibration, tolerance: baseline?.tolerance ?? TOLERANCE, headline: mode.headline });
      print(`${suite.name}: baseline ${baseline ? 'updated' : 'written'} (${file}).`);
      continue;
    }
    const diffs = compareToBaseline(baseline, mode.headline);
    const bad = diffs.filter((d) => d.failed);
    print(formatDiff(`${suite.name} (${mode.cases} cases, tolerance ${baseline.tolerance})`, diffs));
    for (const t of mode.targets.filter((x) => !x.met)) print(`  target missed: ${t.metric} on ${t.slice} is ${t.value?.toFixed(4)}, wanted ${t.op} ${t.target}`);
    if (bad.length > 0) {
      failed = true;
      printError(`${suite.name}: ${bad.map((d) => d.metric).join(', ')} dropped beyond the tolerance of ${baseline.tolerance}.`);
    }
  }
  if (failed) printError('eval:ci failed. If the change is intended, run `recon eval ci --update` and commit the baselines.');
  else print('eval:ci passed: no headline number dropped beyond its tolerance.');
  return failed ? 1 : 0;
}

export const evalCommand: Command = {
  name: 'eval',
  summary: 'Score the matching and the agents on labeled cases (report, calibration, CI gate, reviewer-decision export)',
  usage: USAGE,
  async run({ config, argv }) {
    const [sub, ...rest] = argv;
    if (sub === 'calibrate') return runCalibrate(config, rest);
    if (sub === 'ci') return runCi(config, rest);
    if (sub === 'export-decisions') return exportDecisionsCommand(config, rest);
    return runEval(config, argv);
  },
};
