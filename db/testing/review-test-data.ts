/**
 * Exceptions to review, for the decision, apply and adjustment tests: one
 * per resolution action, each with its records stored and its suggestion
 * verified for real (so apply's re-verification sees what a run would have
 * stored). Written through the run store, as the agent graph writes them.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { BreakSuggestion } from '../../core/breaks/suggestion.ts';
import type { CanonicalRecord } from '../../core/records/canonical-record.ts';
import type { Resolution } from '../../core/taxonomy/actions.ts';
import type { BreakType } from '../../core/taxonomy/break-types.ts';
import type { RootCause } from '../../core/taxonomy/root-causes.ts';
import { verifySuggestion } from '../../core/verify/verify-suggestion.ts';
import type { Database } from '../client.ts';
import { createDbRunStore } from '../repositories/run-store.ts';
import { testContext, testRecord, testSuggestion } from '../repositories/run-test-support.ts';
import { exceptions } from '../schema/exceptions.ts';
import { reconciliations } from '../schema/reconciliations.ts';
import { records } from '../schema/records.ts';

export const REVIEW_RECONCILIATION = 'review-eur';
export const REVIEW_GL_CODES = { bank_charges: '6810', suspense: '1999', fx_gain_loss: '7400' } as const;

export type ReviewScenario = 'fee' | 'unbooked_fee' | 'confirm' | 'sign_error' | 'duplicate' | 'carry_forward' | 'unverified';

interface ScenarioSpec {
  readonly type: BreakType;
  readonly cause: RootCause;
  readonly external: readonly [string, string][];
  readonly internal: readonly [string, string][];
  readonly resolution: (ids: { external: string[]; internal: string[] }) => Resolution;
}

const SCENARIOS: Readonly<Record<ReviewScenario, ScenarioSpec>> = {
  fee: { type: 'fee_deduction', cause: 'wire_fee_deducted', external: [['e', '-1015.00']], internal: [['i', '-1000.00']], resolution: (ids) => ({ action: 'match_with_adjustment', ...ids, account: 'bank_charges', amount: '-15.00', currency: 'EUR' }) },
  unbooked_fee: { type: 'unbooked_fee', cause: 'bank_service_charge', external: [['e', '-25.00']], internal: [], resolution: () => ({ action: 'post_journal', account: 'bank_charges', amount: '-25.00', currency: 'EUR', memo: 'Monthly account fee' }) },
  confirm: { type: 'reference_mismatch', cause: 'reference_typo', external: [['e', '500.00']], internal: [['i', '500.00']], resolution: (ids) => ({ action: 'confirm_match', ...ids }) },
  sign_error: { type: 'sign_error', cause: 'debit_credit_swapped', external: [['e', '-200.00']], internal: [['i', '200.00']], resolution: (ids) => ({ action: 'correct_entry', recordId: ids.internal[0]!, field: 'amount', from: '200.00', to: '-200.00' }) },
  duplicate: { type: 'duplicate_entry', cause: 'double_posting', external: [], internal: [['i', '-50.00']], resolution: (ids) => ({ action: 'reverse_entry', recordId: ids.internal[0]! }) },
  carry_forward: { type: 'timing_difference', cause: 'deposit_in_transit', external: [], internal: [['i', '300.00']], resolution: () => ({ action: 'carry_forward', expectedBy: '2026-11-03' }) },
  // Books 10.00 where the statement exceeds the books by 15.00: the balance check fails.
  unverified: { type: 'fee_deduction', cause: 'wire_fee_deducted', external: [['e', '-1015.00']], internal: [['i', '-1000.00']], resolution: (ids) => ({ action: 'match_with_adjustment', ...ids, account: 'bank_charges', amount: '-10.00', currency: 'EUR' }) },
};

export interface SeededException {
  readonly id: string;
  readonly runId: string;
  readonly external: readonly CanonicalRecord[];
  readonly internal: readonly CanonicalRecord[];
  readonly resolution: Resolution;
}

export async function ensureReviewReconciliation(db: Database): Promise<void> {
  await db
    .insert(reconciliations)
    .values({ id: REVIEW_RECONCILIATION, name: 'Review EUR', externalAccount: 'DE89370400440532013000', internalAccount: 'GL-1000', glCodes: { ...REVIEW_GL_CODES } })
    .onConflictDoNothing();
}

/** One exception of the scenario, with fresh record ids; `amounts` scale every record (for threshold tests). */
export async function seedException(db: Database, scenario: ReviewScenario, options: { autoApproved?: boolean; suggestion?: Partial<BreakSuggestion> } = {}): Promise<SeededException> {
  await ensureReviewReconciliation(db);
  const spec = SCENARIOS[scenario];
  const prefix = `${scenario}-${randomUUID().slice(0, 8)}`;
  const external = spec.external.map(([k, amount]) => testRecord(`${prefix}:${k}`, 'external', amount, { reference: `REF-${prefix}` }));
  const internal = spec.internal.map(([k, amount]) => testRecord(`${prefix}:${k}`, 'internal', amount, { reference: `REF-${prefix}` }));
  await db.insert(records).values([...external, ...internal].map((r) => ({ id: r.id, side: r.side, account: r.account, date: r.date, amount: r.amount, currency: r.currency, reference: r.reference ?? null })));
  const context = testContext({ id: 'b0', fingerprint: `fp1:${prefix}`, external, internal });
  const resolution = spec.resolution({ external: external.map((r) => r.id), internal: internal.map((r) => r.id) });
  const verification = verifySuggestion(context, spec.type, resolution);
  const suggestion = testSuggestion(context, { type: spec.type, cause: spec.cause, resolution, verification, source: 'rules', ...options.suggestion });
  const runId = randomUUID();
  const store = createDbRunStore(db);
  await store.startRun({ runId, reconciliationId: REVIEW_RECONCILIATION, domain: 'cash', asOf: '2026-10-31', mode: 'rules' });
  await store.saveBreaks(runId, [{ context, suggestion, autoApproved: options.autoApproved ?? false }]);
  const [row] = await db.select({ id: exceptions.id }).from(exceptions).where(and(eq(exceptions.runId, runId), eq(exceptions.breakKey, 'b0')));
  return { id: row!.id, runId, external, internal, resolution };
}
