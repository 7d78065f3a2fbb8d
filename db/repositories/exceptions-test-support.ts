/**
 * A varied review queue for tests of the exception queries and routes:
 * records stored through an import, then a run's breaks through the run
 * store, so every row is shaped as a real run leaves it. Types, causes,
 * sources, confidences, amounts and opening times repeat on purpose, so
 * sorts and cursors meet ties.
 */
import { randomUUID } from 'node:crypto';
import type { CanonicalRecord } from '../../core/records/canonical-record.ts';
import type { PersistedBreak } from '../../core/ports/run-store.ts';
import type { BreakType, RootCause } from '../../core/taxonomy/index.ts';
import type { SuggestionSource } from '../../core/statuses.ts';
import type { Database } from '../client.ts';
import { exceptions } from '../schema/exceptions.ts';
import { storeImport } from './imports-repository.ts';
import { createDbRunStore } from './run-store.ts';
import { testBreak, testRecord } from './run-test-support.ts';

const KINDS: readonly { type: BreakType; cause: RootCause; paired: boolean }[] = [
  { type: 'fee_deduction', cause: 'wire_fee_deducted', paired: true },
  { type: 'timing_difference', cause: 'posting_lag', paired: false },
  { type: 'missing_internal', cause: 'unrecorded_receipt', paired: false },
];
const SOURCES = ['llm', 'rules', 'memory'] as const satisfies readonly SuggestionSource[];

export interface SeededQueue {
  readonly runId: string;
  /** Exception ids in the order they were seeded. */
  readonly ids: readonly string[];
  /** Ids of the exceptions raised outside the run's suggestions (no confidence, no suggestion). */
  readonly bare: readonly string[];
}

async function storeSide(db: Database, side: 'external' | 'internal', list: readonly CanonicalRecord[]): Promise<void> {
  if (list.length === 0) return;
  await storeImport(db, { format: 'json', side, account: list[0]!.account, fileName: `${side}.json`, sha256: randomUUID(), records: list });
}

/**
 * `count` exceptions of one run; every third shares its opening hour with
 * its neighbours. Two more exceptions have no suggestion (null confidence).
 */
export async function seedExceptionQueue(db: Database, options: { count: number; start: Date; reconciliationId?: string }): Promise<SeededQueue> {
  const prefix = randomUUID().slice(0, 8);
  const runId = randomUUID();
  await createDbRunStore(db).startRun({ runId, domain: 'cash', asOf: '2026-10-31', mode: 'hybrid', ...(options.reconciliationId ? { reconciliationId: options.reconciliationId } : {}) });
  const groups = new Map<number, PersistedBreak[]>();
  const external: CanonicalRecord[] = [];
  const internal: CanonicalRecord[] = [];
  for (let i = 0; i < options.count; i++) {
    const kind = KINDS[i % KINDS.length]!;
    const amount = `-${100 + (i % 4) * 50}.00`;
    const e = [testRecord(`${prefix}:${i}:e`, 'external', amount, { reference: `REF-${i}`, counterparty: 'ACME GmbH' })];
    const n = kind.paired ? [testRecord(`${prefix}:${i}:i`, 'internal', `-${100 + (i % 4) * 50 - 15}.00`, { reference: `REF-${i}`, counterparty: 'Acme' })] : [];
    external.push(...e);
    internal.push(...n);
    const b = testBreak(
      { id: `b${i}`, external: e, internal: n, fingerprint: `fp:${prefix}:${i % 5}` },
      {
        autoApproved: i % 7 === 0,
        suggestion: {
          type: kind.type,
          cause: kind.cause,
          source: SOURCES[i % SOURCES.length]!,
          confidence: Number((0.5 + (i % 5) * 0.1).toFixed(1)),
          verification: { ok: i % 4 !== 0, checks: [{ name: 'balances', ok: i % 4 !== 0 }] },
          ...(kind.paired ? {} : { resolution: { action: 'carry_forward' as const } }),
        },
      },
    );
    const hour = Math.floor(i / 3);
    groups.set(hour, [...(groups.get(hour) ?? []), b]);
  }
  await storeSide(db, 'external', external);
  await storeSide(db, 'internal', internal);
  for (const [hour, breaks] of groups) {
    const at = new Date(options.start.getTime() + hour * 3_600_000);
    await createDbRunStore(db, { now: () => at }).saveBreaks(runId, breaks);
  }
  const rows = await db.query.exceptions.findMany({ where: (t, { eq }) => eq(t.runId, runId), columns: { id: true, breakKey: true } });
  const byKey = new Map(rows.map((r) => [r.breakKey, r.id]));
  const ids = Array.from({ length: options.count }, (_, i) => byKey.get(`b${i}`)!);
  const bare = await db
    .insert(exceptions)
    .values([0, 1].map((k) => ({ runId, asOf: '2026-10-31', type: 'ambiguous_match' as const, status: 'open' as const, account: 'DE89370400440532013000', currency: 'EUR', amount: '75.00', difference: '75.00', openedAt: options.start, ...(options.reconciliationId ? { reconciliationId: options.reconciliationId } : {}), breakKey: `manual-${k}` })))
    .returning({ id: exceptions.id });
  return { runId, ids, bare: bare.map((r) => r.id) };
}
