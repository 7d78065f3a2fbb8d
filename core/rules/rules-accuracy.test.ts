/**
 * Accuracy of the rules path on labeled cases from the project's generator
 * (evals/generator), run through the real matching stage and break contexts.
 *
 * The cases are read from fixtures rather than generated here because core/
 * may not import evals/ (test/architecture.test.ts). They were written by:
 *
 *   recon generate --cases 20 --seed 101 --domain cash --difficulty clean --matches 1 --breaks 5 --currencies EUR,USD,GBP,CHF --out core/rules/fixtures/cash-clean.jsonl
 *   (seed 102 noisy, 103 adversarial; securities: seeds 201 clean and 202 noisy, without --currencies)
 *
 * Scoring follows the contract (eval-cases.md): each expected break is paired
 * with the predicted break whose record-id set overlaps it most (Jaccard at
 * least 0.5); a missing prediction counts as wrong.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBreakContexts, type BreakContext } from '../breaks/break-context.ts';
import { matchConfigSchema } from '../match/match-config.ts';
import { matchRecords } from '../match/match-records.ts';
import { amountsEqual } from '../money/money.ts';
import { caseRecordSchema, type CanonicalRecord } from '../records/canonical-record.ts';
import { resolutionSchema, type Resolution } from '../taxonomy/actions.ts';
import type { BreakType } from '../taxonomy/break-types.ts';
import { verifySuggestion } from '../verify/verify-suggestion.ts';
import { classifyByRules } from './classify-rules.ts';
import { rootCauseByRules } from './root-cause-rules.ts';
import { suggestByRules } from './suggest-rules.ts';

interface ExpectedBreak {
  external: string[];
  internal: string[];
  type: BreakType;
  cause: string;
  resolution: Resolution;
}

function readCases(file: string) {
  const text = readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const raw = JSON.parse(line) as { id: string; domain: 'cash' | 'securities'; asOf: string; config?: object; external: unknown[]; internal: unknown[]; expected: { breaks: ExpectedBreak[] } };
      const side = (list: unknown[], s: 'external' | 'internal'): CanonicalRecord[] => list.map((r) => ({ ...caseRecordSchema.parse(r), side: s }));
      return { ...raw, external: side(raw.external, 'external'), internal: side(raw.internal, 'internal'), expected: raw.expected.breaks.map((b) => ({ ...b, resolution: resolutionSchema.parse(b.resolution) })) };
    });
}

const idSet = (external: readonly string[], internal: readonly string[]) => new Set([...external.map((id) => `e:${id}`), ...internal.map((id) => `i:${id}`)]);

function jaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both += 1;
  return both / (a.size + b.size - both);
}

/** The action and every parameter the truth gives (amounts compared as exact decimals). */
function exact(truth: Resolution, predicted: Resolution): boolean {
  if (truth.action !== predicted.action) return false;
  const t = truth as Record<string, unknown>;
  const p = predicted as Record<string, unknown>;
  for (const key of ['account', 'currency', 'recordId', 'field', 'to']) if (key in t && t[key] !== p[key]) return false;
  if (typeof t.amount === 'string' && !(typeof p.amount === 'string' && amountsEqual(t.amount, p.amount))) return false;
  return true;
}

function score(file: string) {
  let type = 0;
  let cause = 0;
  let resolution = 0;
  let total = 0;
  let confidence = 0;
  const unverified: string[] = [];
  const truthRejected: string[] = [];
  let predictedBreaks = 0;
  for (const c of readCases(file)) {
    const config = matchConfigSchema.parse(c.config ?? {});
    const result = matchRecords({ external: c.external, internal: c.internal }, config);
    const contexts = buildBreakContexts({ result, external: c.external, internal: c.internal, asOf: c.asOf, domain: c.domain, config });
    const answers = new Map<BreakContext, ReturnType<typeof answer>>();
    function answer(ctx: BreakContext) {
      const classification = classifyByRules(ctx);
      const root = rootCauseByRules(ctx, classification);
      return { classification, root, proposal: suggestByRules(ctx, classification, root) };
    }
    for (const ctx of contexts) {
      const a = answer(ctx);
      answers.set(ctx, a);
      predictedBreaks += 1;
      const v = verifySuggestion(ctx, a.classification.type, a.proposal.resolution);
      if (!v.ok) unverified.push(`${c.id}/${ctx.id} ${a.classification.type} ${a.proposal.resolution.action}: ${v.checks.filter((x) => !x.ok).map((x) => x.message).join(' ')}`);
    }
    for (const expected of c.expected) {
      total += 1;
      const ids = idSet(expected.external, expected.internal);
      let best: BreakContext | undefined;
      let overlap = 0;
      for (const ctx of contexts) {
        const j = jaccard(ids, idSet(ctx.external.map((r) => r.id), ctx.internal.map((r) => r.id)));
        if (j > overlap) [best, overlap] = [ctx, j];
      }
      if (!best || overlap < 0.5) continue;
      const a = answers.get(best)!;
      const typeRight = a.classification.type === expected.type;
      type += typeRight ? 1 : 0;
      cause += typeRight && a.root.cause === expected.cause ? 1 : 0;
      resolution += exact(expected.resolution, a.proposal.resolution) ? 1 : 0;
      confidence += a.classification.confidence;
      // The contract's own resolution must pass verification when the break is exactly the expected one.
      if (overlap === 1) {
        const v = verifySuggestion(best, expected.type, expected.resolution);
        if (!v.ok) truthRejected.push(`${c.id}/${best.id} ${expected.type}: ${v.checks.filter((x) => !x.ok).map((x) => x.message).join(' ')}`);
      }
    }
  }
  return { total, predictedBreaks, type: type / total, cause: cause / total, resolution: resolution / total, meanConfidence: confidence / total, unverified, truthRejected };
}

describe('rules accuracy on generated cases', () => {
  for (const file of ['cash-clean.jsonl', 'cash-noisy.jsonl', 'cash-adversarial.jsonl', 'securities-clean.jsonl', 'securities-noisy.jsonl']) {
    it(file, () => {
      const s = score(file);
      expect(s.total).toBeGreaterThanOrEqual(100);
      expect(s.type).toBeGreaterThanOrEqual(0.9);
      expect(s.cause).toBeGreaterThanOrEqual(0.85);
      expect(s.resolution).toBeGreaterThanOrEqual(0.8);
      // Every rules suggestion verifies; a failure is listed with its reasons.
      expect(s.unverified).toEqual([]);
      expect(s.truthRejected).toEqual([]);
      // The rules are never more confident than they are right on the generator's data.
      expect(s.meanConfidence).toBeLessThanOrEqual(s.type + 0.02);
    });
  }
});
