/**
 * The evaluation case format of the contract (docs/contracts/eval-cases.md),
 * validated before any case is used: labels in the taxonomy, every record in
 * exactly one match or break, resolutions that parse, name the break's own
 * records and balance (an adjustment or journal amount is sum(external) −
 * sum(internal) of the records it settles, when they share one currency).
 */
import { z } from 'zod';
import { isoDateSchema } from '../core/dates/iso-date.ts';
import { amountsEqual, subtractAmounts, sumAmounts } from '../core/money/money.ts';
import { caseRecordSchema, type CaseRecord } from '../core/records/canonical-record.ts';
import { DOMAINS } from '../core/statuses.ts';
import { BREAK_TYPES, ROOT_CAUSES, isCauseOfType, resolutionSchema, type Resolution } from '../core/taxonomy/index.ts';

const ids = z.array(z.string().min(1));

export const expectedBreakSchema = z.object({
  external: ids,
  internal: ids,
  type: z.enum(BREAK_TYPES),
  cause: z.enum(ROOT_CAUSES),
  resolution: resolutionSchema,
});

/** Cases exported from reviewer decisions carry what people decided (`recon eval export-decisions`). */
export const replaySchema = z.object({
  exceptionId: z.string(),
  decision: z.enum(['approved', 'edited', 'rejected']),
  /** What the system suggested when people decided. */
  suggested: z.object({ type: z.enum(BREAK_TYPES), cause: z.enum(ROOT_CAUSES), resolution: resolutionSchema }),
});

type Issue = { path: (string | number)[]; message: string };

/** The amount a resolution must carry for its records to balance, or null when the records' currencies differ. */
type SidedRecord = CaseRecord & { readonly side: 'external' | 'internal' };

function balancingAmount(records: readonly SidedRecord[]): string | null {
  const currencies = new Set(records.map((r) => r.currency));
  if (currencies.size !== 1) return null;
  return records.reduce((sum, r) => (r.side === 'internal' ? subtractAmounts(sum, r.amount) : sumAmounts([sum, r.amount])), '0');
}

function resolutionIssues(b: { external: string[]; internal: string[]; resolution: Resolution }, byId: Map<string, SidedRecord>, index: number): Issue[] {
  const out: Issue[] = [];
  const path = (field: string) => ['expected', 'breaks', index, 'resolution', field];
  const r = b.resolution;
  const own = new Set([...b.external.map((id) => `e:${id}`), ...b.internal.map((id) => `i:${id}`)]);
  if (r.action === 'match_with_adjustment' || r.action === 'confirm_match') {
    for (const id of r.external) if (!own.has(`e:${id}`)) out.push({ path: path('external'), message: `external record ${id} is not part of this break` });
    for (const id of r.internal) if (!own.has(`i:${id}`)) out.push({ path: path('internal'), message: `internal record ${id} is not part of this break` });
  }
  if ((r.action === 'correct_entry' || r.action === 'reverse_entry') && !own.has(`i:${r.recordId}`)) out.push({ path: path('recordId'), message: `${r.recordId} is not an internal record of this break` });
  if (r.action === 'match_with_adjustment' || r.action === 'post_journal') {
    const settled = r.action === 'match_with_adjustment' ? [...r.external.map((id) => byId.get(`e:${id}`)), ...r.internal.map((id) => byId.get(`i:${id}`))] : [...b.external.map((id) => byId.get(`e:${id}`)), ...b.internal.map((id) => byId.get(`i:${id}`))];
    const records = settled.filter((x): x is SidedRecord => x !== undefined);
    const due = records.length === settled.length ? balancingAmount(records) : null;
    if (due !== null && records[0]!.currency !== r.currency) out.push({ path: path('currency'), message: `${r.currency} is not the records' currency ${records[0]!.currency}: adjustments are in the records' currency` });
    else if (due !== null && !amountsEqual(due, r.amount)) out.push({ path: path('amount'), message: `${r.amount} ${r.currency} does not balance the records: sum(external) − sum(internal) is ${due}` });
  }
  return out;
}

export const evalCaseSchema = z
  .object({
    id: z.string().min(1),
    domain: z.enum(DOMAINS),
    asOf: isoDateSchema,
    tags: z.array(z.string()).default([]),
    difficulty: z.string().optional(),
    /** Golden cases: one line on why the labels are what they are. */
    rationale: z.string().min(1).optional(),
    config: z.record(z.string(), z.unknown()).optional(),
    external: z.array(caseRecordSchema),
    internal: z.array(caseRecordSchema),
    expected: z.object({ matches: z.array(z.object({ external: ids, internal: ids })), breaks: z.array(expectedBreakSchema) }),
    replay: replaySchema.optional(),
  })
  .superRefine((c, ctx) => {
    const all = [...c.external.map((r) => `e:${r.id}`), ...c.internal.map((r) => `i:${r.id}`)];
    const placed = [...c.expected.matches, ...c.expected.breaks].flatMap((g) => [...g.external.map((id) => `e:${id}`), ...g.internal.map((id) => `i:${id}`)]);
    const counts = new Map<string, number>();
    for (const p of placed) counts.set(p, (counts.get(p) ?? 0) + 1);
    for (const id of all) {
      const n = counts.get(id) ?? 0;
      if (n !== 1) ctx.addIssue({ code: 'custom', path: ['expected'], message: `record ${id.slice(2)} (${id[0] === 'e' ? 'external' : 'internal'}) is in ${n} groups, expected exactly 1` });
    }
    const known = new Set(all);
    for (const p of counts.keys()) if (!known.has(p)) ctx.addIssue({ code: 'custom', path: ['expected'], message: `unknown ${p[0] === 'e' ? 'external' : 'internal'} record ${p.slice(2)}` });
    if (known.size !== all.length) ctx.addIssue({ code: 'custom', path: ['external'], message: 'record ids repeat within a side' });
    const byId = new Map<string, SidedRecord>([...c.external.map((r) => [`e:${r.id}`, { ...r, side: 'external' as const }] as const), ...c.internal.map((r) => [`i:${r.id}`, { ...r, side: 'internal' as const }] as const)]);
    c.expected.breaks.forEach((b, i) => {
      if (!isCauseOfType(b.cause, b.type)) ctx.addIssue({ code: 'custom', path: ['expected', 'breaks', i, 'cause'], message: `${b.cause} is not a cause of ${b.type}` });
      for (const issue of resolutionIssues(b, byId, i)) ctx.addIssue({ code: 'custom', ...issue });
    });
  });

export type EvalCase = z.output<typeof evalCaseSchema>;
export type ExpectedBreak = z.output<typeof expectedBreakSchema>;
