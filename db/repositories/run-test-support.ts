/**
 * Hand-built breaks for the run store's tests: records, a break context and
 * a suggestion shaped like the agent graph's output, small enough to read in
 * a test. (The in-memory store in `agents/stores` has its own copy: db/ and
 * agents/ may not import each other.)
 */
import type { BreakContext } from '../../core/breaks/break-context.ts';
import type { BreakSuggestion } from '../../core/breaks/suggestion.ts';
import { DEFAULT_MATCH_CONFIG } from '../../core/match/match-config.ts';
import type { BreakShape } from '../../core/match/match-types.ts';
import type { PersistedBreak } from '../../core/ports/run-store.ts';
import type { CanonicalRecord } from '../../core/records/canonical-record.ts';
import type { Side } from '../../core/statuses.ts';
import type { Resolution } from '../../core/taxonomy/actions.ts';

export function testRecord(id: string, side: Side, amount: string, extra: Partial<CanonicalRecord> = {}): CanonicalRecord {
  return { id, side, account: side === 'external' ? 'DE89370400440532013000' : 'GL-1000', date: '2026-10-30', amount, currency: 'EUR', ...extra };
}

export interface TestBreakInput {
  readonly id: string;
  readonly external?: readonly CanonicalRecord[];
  readonly internal?: readonly CanonicalRecord[];
  readonly fingerprint?: string;
  readonly shape?: BreakShape;
  readonly difference?: string | null;
}

export function testContext(input: TestBreakInput): BreakContext {
  const { dateWindowDays, clearingWindowDays, roundingMinorUnits, securities } = DEFAULT_MATCH_CONFIG;
  return {
    id: input.id,
    fingerprint: input.fingerprint ?? `fp1:${input.id}`,
    shape: input.shape ?? 'pair',
    domain: 'cash',
    asOf: '2026-10-31',
    external: input.external ?? [],
    internal: input.internal ?? [],
    difference: input.difference === undefined ? null : input.difference,
    currency: 'EUR',
    evidence: { pass: 'tolerance', agreed: ['reference'], differences: [{ field: 'amount', external: '-1015.00', internal: '-1000.00', delta: '-15.00' }], score: 0.8 },
    config: { dateWindowDays, clearingWindowDays, roundingMinorUnits, securities },
  };
}

/** Match the pair and book the fee: the usual resolution of a fee deduction, naming the break's own records. */
export function feeResolution(context: BreakContext, amount = '-15.00'): Resolution {
  return {
    action: 'match_with_adjustment',
    external: context.external.map((r) => r.id),
    internal: context.internal.map((r) => r.id),
    account: 'bank_charges',
    amount,
    currency: 'EUR',
  };
}

export function testSuggestion(context: BreakContext, extra: Partial<BreakSuggestion> = {}): BreakSuggestion {
  return {
    breakId: context.id,
    fingerprint: context.fingerprint,
    type: 'fee_deduction',
    cause: 'wire_fee_deducted',
    resolution: feeResolution(context),
    confidence: 0.85,
    rationale: { classify: 'The bank paid 15.00 less.', rootCause: 'A wire fee was deducted.', suggest: 'Book the fee.' },
    evidence: ['difference -15.00 = wire fee schedule'],
    source: 'llm',
    verification: { ok: true, checks: [{ name: 'balances', ok: true }] },
    model: 'gpt-test',
    promptVersion: 'classify@1.0.0,rootCause@1.0.0,suggest@1.0.0',
    tokens: { classify: { promptTokens: 100, completionTokens: 10 }, suggest: { promptTokens: 50, completionTokens: 5 } },
    ...extra,
  };
}

export function testBreak(input: TestBreakInput, options: { autoApproved?: boolean; suggestion?: Partial<BreakSuggestion> } = {}): PersistedBreak {
  const context = testContext(input);
  return { context, suggestion: testSuggestion(context, options.suggestion), autoApproved: options.autoApproved ?? false };
}
