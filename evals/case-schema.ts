/**
 * The evaluation case format of the contract (docs/contracts/eval-cases.md),
 * validated before any case is used: labels in the taxonomy, every record in
 * exactly one match or break, resolutions that parse.
 */
import { z } from 'zod';
import { isoDateSchema } from '../core/dates/iso-date.ts';
import { caseRecordSchema } from '../core/records/canonical-record.ts';
import { DOMAINS } from '../core/statuses.ts';
import { BREAK_TYPES, ROOT_CAUSES, isCauseOfType, resolutionSchema } from '../core/taxonomy/index.ts';

const ids = z.array(z.string().min(1));

export const expectedBreakSchema = z.object({
  external: ids,
  internal: ids,
  type: z.enum(BREAK_TYPES),
  cause: z.enum(ROOT_CAUSES),
  resolution: resolutionSchema,
});

export const evalCaseSchema = z
  .object({
    id: z.string().min(1),
    domain: z.enum(DOMAINS),
    asOf: isoDateSchema,
    tags: z.array(z.string()).default([]),
    difficulty: z.string().optional(),
    config: z.record(z.string(), z.unknown()).optional(),
    external: z.array(caseRecordSchema),
    internal: z.array(caseRecordSchema),
    expected: z.object({ matches: z.array(z.object({ external: ids, internal: ids })), breaks: z.array(expectedBreakSchema) }),
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
    for (const p of counts.keys()) if (!all.includes(p)) ctx.addIssue({ code: 'custom', path: ['expected'], message: `unknown record ${p.slice(2)}` });
    c.expected.breaks.forEach((b, i) => {
      if (!isCauseOfType(b.cause, b.type)) ctx.addIssue({ code: 'custom', path: ['expected', 'breaks', i, 'cause'], message: `${b.cause} is not a cause of ${b.type}` });
    });
  });

export type EvalCase = z.output<typeof evalCaseSchema>;
export type ExpectedBreak = z.output<typeof expectedBreakSchema>;
