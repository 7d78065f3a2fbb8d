/** The summary `recon run` prints: matched, breaks by type, sources, fallbacks, tokens, cost, duration. */
import type { RunSummary } from '../agents/graph/run-state.ts';

function list(counts: Readonly<Record<string, number>>): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries.length === 0 ? 'none' : entries.map(([k, n]) => `${k} ${n}`).join(', ');
}

export function formatRunSummary(s: RunSummary): string[] {
  const m = s.match;
  const total = m.externalRecords + m.internalRecords;
  const rate = total > 0 ? ((100 * m.matchedRecords) / total).toFixed(1) : '0.0';
  return [
    `Run ${s.runId}`,
    `  records    ${m.externalRecords} external, ${m.internalRecords} internal`,
    `  matched    ${m.matchGroups} groups, ${m.matchedRecords} records (${rate} %)`,
    `  breaks     ${s.breaks}: ${list(s.byType)}`,
    `  sources    ${list(s.bySource)}`,
    `  fallbacks  ${list(s.fallbacks)}`,
    `  verified   ${s.verified} of ${s.breaks}; auto-approved ${s.autoApproved}`,
    `  tokens     ${s.tokensIn} in, ${s.tokensOut} out; cost $${s.cost}`,
    `  duration   ${(s.durationMs / 1000).toFixed(2)} s`,
  ];
}
