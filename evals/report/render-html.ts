/**
 * The report as one standalone HTML page: headline tables, the confusion
 * matrix as a heat map and the calibration curve as inline SVG. No scripts,
 * no external assets, every text escaped.
 */
import { HEADLINE_METRICS, type CalibrationBin, type Confusion, type EvalReport, type ModeReport } from '../../core/evals/eval-report.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const num = (metric: string, x: number) => (metric === 'ece' ? x.toFixed(3) : pct(x));

/** Rows expected, columns predicted; a cell's shade is its share of the row. */
export function confusionSvg(c: Confusion): string {
  const cell = 18;
  const left = 190;
  const top = 190;
  // Room on the right for the last column labels, which are rotated into it.
  const width = left + c.columns.length * cell + 90;
  const height = top + c.rows.length * cell + 10;
  const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="confusion matrix" width="${width}" height="${height}" font-size="10" font-family="sans-serif">`];
  c.columns.forEach((col, j) => {
    const x = left + j * cell + cell / 2;
    out.push(`<text transform="translate(${x},${top - 6}) rotate(-60)">${escape(col)}</text>`);
  });
  c.rows.forEach((row, i) => {
    const y = top + i * cell;
    out.push(`<text x="${left - 6}" y="${y + cell * 0.7}" text-anchor="end">${escape(row)}</text>`);
    const total = c.counts[i]!.reduce((s, n) => s + n, 0);
    c.counts[i]!.forEach((n, j) => {
      const share = total === 0 ? 0 : n / total;
      const diagonal = row === c.columns[j];
      const fill = n === 0 ? '#f4f4f4' : diagonal ? `rgba(30,120,60,${0.2 + 0.8 * share})` : `rgba(200,40,40,${0.2 + 0.8 * share})`;
      out.push(`<rect x="${left + j * cell}" y="${y}" width="${cell - 1}" height="${cell - 1}" fill="${fill}"><title>${escape(`${row} → ${c.columns[j]}: ${n}`)}</title></rect>`);
      if (n > 0) out.push(`<text x="${left + j * cell + cell / 2}" y="${y + cell * 0.7}" text-anchor="middle" font-size="8">${n}</text>`);
    });
  });
  out.push('</svg>');
  return out.join('');
}

/** Reliability diagram: accuracy against mean confidence per bin, the diagonal for reference, dot area by count. */
export function calibrationSvg(bins: readonly CalibrationBin[]): string {
  const size = 260;
  const pad = 34;
  const scale = (v: number) => pad + v * (size - 2 * pad);
  const y = (v: number) => size - scale(v);
  const max = Math.max(1, ...bins.map((b) => b.count));
  const used = bins.filter((b) => b.count > 0);
  const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="calibration curve" width="${size}" height="${size}" font-size="10" font-family="sans-serif">`];
  out.push(`<rect x="${pad}" y="${pad}" width="${size - 2 * pad}" height="${size - 2 * pad}" fill="none" stroke="#999"/>`);
  out.push(`<line x1="${scale(0)}" y1="${y(0)}" x2="${scale(1)}" y2="${y(1)}" stroke="#bbb" stroke-dasharray="4 3"/>`);
  for (const t of [0, 0.5, 1]) out.push(`<text x="${scale(t)}" y="${size - pad + 14}" text-anchor="middle">${t}</text><text x="${pad - 6}" y="${y(t) + 3}" text-anchor="end">${t}</text>`);
  out.push(`<text x="${size / 2}" y="${size - 4}" text-anchor="middle">confidence</text><text transform="translate(10,${size / 2}) rotate(-90)" text-anchor="middle">accuracy</text>`);
  if (used.length > 1) out.push(`<polyline fill="none" stroke="#1e6fd0" stroke-width="1.5" points="${used.map((b) => `${scale(b.meanConfidence).toFixed(1)},${y(b.accuracy).toFixed(1)}`).join(' ')}"/>`);
  for (const b of used) out.push(`<circle cx="${scale(b.meanConfidence).toFixed(1)}" cy="${y(b.accuracy).toFixed(1)}" r="${(2 + 6 * Math.sqrt(b.count / max)).toFixed(1)}" fill="#1e6fd0" fill-opacity="0.6"><title>${escape(`${b.from.toFixed(1)}–${b.to.toFixed(1)}: ${b.count} answers, confidence ${b.meanConfidence.toFixed(3)}, accuracy ${b.accuracy.toFixed(3)}`)}</title></circle>`);
  out.push('</svg>');
  return out.join('');
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

function modeSection(m: ModeReport): string {
  return [
    `<section><h2>Mode ${escape(m.mode)}</h2><p>${m.cases} cases, ${m.expectedBreaks} expected breaks, ${m.predictedBreaks} predicted.</p>`,
    table(['metric', 'value', '95 % interval'], HEADLINE_METRICS.map((k) => [k, num(k, m.headline[k]), m.intervals[k] ? `${num(k, m.intervals[k]!.low)} – ${num(k, m.intervals[k]!.high)}` : '—'])),
    '<h3>Targets</h3>',
    table(['metric', 'slice', 'target', 'value', 'met'], m.targets.map((t) => [t.metric, t.slice, `${t.op} ${t.target}`, t.value === null ? 'no cases' : num(t.metric, t.value), t.met ? 'yes' : 'NO'])),
    m.dragging.length > 0 ? `<h3>Types that drag the numbers down</h3><ul>${m.dragging.map((d) => `<li>${escape(`${d.type}: F1 ${d.f1.toFixed(2)} over ${d.support} breaks${d.confusedWith.length ? `; taken for ${d.confusedWith.join(', ')}` : ''}`)}</li>`).join('')}</ul>` : '',
    '<div class="plots"><figure>',
    confusionSvg(m.confusion),
    '<figcaption>Confusion matrix: rows expected, columns predicted; green the diagonal, red the confusions, shade the share of the row.</figcaption></figure><figure>',
    calibrationSvg(m.calibration),
    `<figcaption>Calibration: accuracy against confidence per bin (ECE ${m.headline.ece.toFixed(3)}).</figcaption></figure></div>`,
    '<h3>Per type</h3>',
    table(['type', 'support', 'predicted', 'precision', 'recall', 'F1'], m.perType.map((t) => [t.type, String(t.support), String(t.predicted), pct(t.precision), pct(t.recall), t.f1.toFixed(3)])),
    '<h3>Slices</h3>',
    table(['slice', 'cases', 'breaks', 'matching F1', 'type acc.', 'macro-F1', 'exactness', 'ECE'], m.slices.map((s) => [`${s.by}:${s.value}`, String(s.cases), String(s.breaks), pct(s.headline.matchingF1), pct(s.headline.typeAccuracy), pct(s.headline.typeMacroF1), pct(s.headline.resolutionExactness), s.headline.ece.toFixed(3)])),
    `<p>Tokens in ${m.usage.tokensIn}, out ${m.usage.tokensOut}; cost ${escape(m.usage.cost)} USD (${escape(m.usage.costPerCase)} per case); latency p50 ${m.usage.latencyMsPerCase.p50.toFixed(1)} ms, p95 ${m.usage.latencyMsPerCase.p95.toFixed(1)} ms per case.</p>`,
    '</section>',
  ].join('\n');
}

export function renderHtml(report: EvalReport): string {
  const comparison =
    report.modes.length > 1
      ? `<section><h2>Mode comparison</h2>${table(['metric', ...report.modes.map((m) => m.mode)], [...HEADLINE_METRICS.map((k) => [k, ...report.modes.map((m) => num(k, m.headline[k]))]), ['cost per case (USD)', ...report.modes.map((m) => m.usage.costPerCase)], ['latency p50 (ms)', ...report.modes.map((m) => m.usage.latencyMsPerCase.p50.toFixed(1))]])}</section>`
      : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Recon evaluation report</title>
<style>body{font-family:sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:2px 8px;font-size:13px;text-align:left}.plots{display:flex;flex-wrap:wrap;gap:2rem}figcaption{font-size:12px;color:#555;max-width:30rem}</style>
</head><body>
<h1>Recon evaluation report</h1>
<p>Created ${escape(report.createdAt)}, git ${escape(report.gitRevision)}, seed ${report.seed}; rules ${escape(report.rulesVersion)}; prompts ${escape(Object.entries(report.promptVersions).map(([k, v]) => `${k}@${v}`).join(', '))}; model ${escape(report.model ?? 'none')}; calibration ${escape(report.calibration ?? 'none')}.</p>
<p>Suites: ${escape(report.suites.map((s) => `${s.file} (${s.cases})`).join(', '))}</p>
${comparison}
${report.modes.map(modeSection).join('\n')}
</body></html>
`;
}
