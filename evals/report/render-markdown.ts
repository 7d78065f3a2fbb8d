/** The report as Markdown: what a pull request or a CI log shows. */
import { HEADLINE_METRICS, type EvalReport, type ModeReport } from '../../core/evals/eval-report.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const num = (metric: string, x: number) => (metric === 'ece' ? x.toFixed(3) : pct(x));

function modeSection(m: ModeReport): string {
  const lines: string[] = [`## Mode \`${m.mode}\``, '', `${m.cases} cases, ${m.expectedBreaks} expected breaks, ${m.predictedBreaks} predicted.`, ''];
  lines.push('| metric | value | 95 % interval |', '| --- | --- | --- |');
  for (const metric of HEADLINE_METRICS) {
    const ci = m.intervals[metric];
    lines.push(`| ${metric} | ${num(metric, m.headline[metric])} | ${ci ? `${num(metric, ci.low)} – ${num(metric, ci.high)}` : '—'} |`);
  }
  lines.push('', '### Targets', '', '| metric | slice | target | value | met |', '| --- | --- | --- | --- | --- |');
  for (const t of m.targets) lines.push(`| ${t.metric} | ${t.slice} | ${t.op} ${t.target} | ${t.value === null ? 'no cases' : num(t.metric, t.value)} | ${t.met ? 'yes' : '**no**'} |`);
  if (m.dragging.length > 0) {
    lines.push('', '### Types that drag the numbers down', '');
    for (const d of m.dragging) lines.push(`- \`${d.type}\`: F1 ${d.f1.toFixed(2)} over ${d.support} breaks${d.confusedWith.length ? `; taken for ${d.confusedWith.join(', ')}` : ''}`);
  }
  lines.push('', '### Per type', '', '| type | support | predicted | precision | recall | F1 |', '| --- | --- | --- | --- | --- | --- |');
  for (const t of m.perType) lines.push(`| ${t.type} | ${t.support} | ${t.predicted} | ${pct(t.precision)} | ${pct(t.recall)} | ${t.f1.toFixed(3)} |`);
  lines.push('', '### Slices', '', '| slice | cases | breaks | matching F1 | type acc. | macro-F1 | exactness | ECE |', '| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const s of m.slices) lines.push(`| ${s.by}:${s.value} | ${s.cases} | ${s.breaks} | ${pct(s.headline.matchingF1)} | ${pct(s.headline.typeAccuracy)} | ${pct(s.headline.typeMacroF1)} | ${pct(s.headline.resolutionExactness)} | ${s.headline.ece.toFixed(3)} |`);
  lines.push('', '### Calibration', '', '| confidence | count | mean confidence | accuracy |', '| --- | --- | --- | --- |');
  for (const b of m.calibration.filter((x) => x.count > 0)) lines.push(`| ${b.from.toFixed(1)}–${b.to.toFixed(1)} | ${b.count} | ${b.meanConfidence.toFixed(3)} | ${b.accuracy.toFixed(3)} |`);
  const u = m.usage;
  lines.push('', '### Cost', '', `Tokens in ${u.tokensIn}, out ${u.tokensOut} (${u.tokensPerCase.toFixed(1)} per case); cost ${u.cost} USD (${u.costPerCase} per case); latency per case mean ${u.latencyMsPerCase.mean.toFixed(1)} ms, p50 ${u.latencyMsPerCase.p50.toFixed(1)} ms, p95 ${u.latencyMsPerCase.p95.toFixed(1)} ms.`);
  const fallbacks = Object.entries(m.fallbacks);
  if (fallbacks.length > 0) lines.push('', `Fallbacks: ${fallbacks.map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  if (m.errors.length > 0) {
    lines.push('', `### First errors (${m.errors.length})`, '');
    for (const e of m.errors.slice(0, 20)) lines.push(`- ${e.caseId} [${e.records.join(' ')}]: expected ${e.expected.type}/${e.expected.cause}/${e.expected.action}, got ${e.predicted ? `${e.predicted.type}/${e.predicted.cause}/${e.predicted.action} @ ${e.predicted.confidence.toFixed(2)}` : 'no break'}`);
  }
  return lines.join('\n');
}

export function renderMarkdown(report: EvalReport): string {
  const head = [
    '# Recon evaluation report',
    '',
    `- created ${report.createdAt}, git ${report.gitRevision}, seed ${report.seed}`,
    `- rules ${report.rulesVersion}; prompts ${Object.entries(report.promptVersions).map(([k, v]) => `${k}@${v}`).join(', ')}; model ${report.model ?? 'none'}`,
    `- calibration ${report.calibration ?? 'none (raw confidences)'}`,
    `- suites: ${report.suites.map((s) => `${s.file} (${s.cases})`).join(', ')}`,
  ];
  const parts = [head.join('\n')];
  if (report.modes.length > 1) {
    const rows = ['## Mode comparison', '', `| metric | ${report.modes.map((m) => m.mode).join(' | ')} |`, `| --- | ${report.modes.map(() => '---').join(' | ')} |`];
    for (const metric of HEADLINE_METRICS) rows.push(`| ${metric} | ${report.modes.map((m) => num(metric, m.headline[metric])).join(' | ')} |`);
    rows.push(`| tokens per case | ${report.modes.map((m) => m.usage.tokensPerCase.toFixed(1)).join(' | ')} |`, `| cost per case (USD) | ${report.modes.map((m) => m.usage.costPerCase).join(' | ')} |`, `| latency per case p50 (ms) | ${report.modes.map((m) => m.usage.latencyMsPerCase.p50.toFixed(1)).join(' | ')} |`);
    parts.push(rows.join('\n'));
  }
  parts.push(...report.modes.map(modeSection));
  if (report.replay) {
    const r = report.replay;
    parts.push(['## Replay of reviewer decisions', '', `${r.decisions} decisions (${Object.entries(r.byDecision).map(([k, v]) => `${k} ${v}`).join(', ')}): the system now proposes ${pct(r.acceptedAsIs)} of the approved or edited resolutions exactly as people left them; mean edit distance ${r.meanEditDistance.toFixed(2)} fields; ${r.rejectedRepeated} rejected suggestions still proposed unchanged.`].join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}
