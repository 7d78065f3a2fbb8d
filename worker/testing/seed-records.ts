/**
 * Test data for nightly runs: generated labeled cases, one per currency,
 * stored as one bank and one books import on a reconciliation's two
 * accounts — so a run split per currency must give what the whole run gives.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { CanonicalRecord } from '../../core/records/canonical-record.ts';
import type { Database } from '../../db/client.ts';
import { storeImport } from '../../db/repositories/imports-repository.ts';
import { exceptionRecords, exceptions } from '../../db/schema/exceptions.ts';
import { reconciliations, type NewReconciliation } from '../../db/schema/reconciliations.ts';

export interface SeededSides {
  readonly external: CanonicalRecord[];
  readonly internal: CanonicalRecord[];
}

/** Re-homes each case's records on the two accounts, one currency per case, ids unique by `tag`. */
export function sidesByCurrency(cases: readonly SeededSides[], currencies: readonly string[], tag: string, accounts: { external: string; internal: string }): SeededSides {
  const external: CanonicalRecord[] = [];
  const internal: CanonicalRecord[] = [];
  cases.forEach((c, i) => {
    const currency = currencies[i % currencies.length]!;
    for (const r of c.external) external.push({ ...r, id: `${tag}:${i}:${r.id}`, account: accounts.external, currency });
    for (const r of c.internal) internal.push({ ...r, id: `${tag}:${i}:${r.id}`, account: accounts.internal, currency });
  });
  return { external, internal };
}

export async function seedReconciliation(db: Database, row: NewReconciliation, sides: SeededSides): Promise<void> {
  await db.insert(reconciliations).values(row);
  await storeImport(db, { format: 'json', side: 'external', account: row.externalAccount, fileName: 'bank.json', sha256: randomUUID(), records: sides.external });
  await storeImport(db, { format: 'json', side: 'internal', account: row.internalAccount, fileName: 'books.json', sha256: randomUUID(), records: sides.internal });
}

/** What a run found, independent of run ids and of the tag `sidesByCurrency` put on record ids: each exception as its type and its records, sorted. */
export async function exceptionSignatures(db: Database, runIds: readonly string[]): Promise<string[]> {
  if (runIds.length === 0) return [];
  const rows = await db
    .select({ id: exceptions.id, type: exceptions.type, recordId: exceptionRecords.recordId })
    .from(exceptions)
    .innerJoin(exceptionRecords, eq(exceptionRecords.exceptionId, exceptions.id))
    .where(inArray(exceptions.runId, [...runIds]));
  const byException = new Map<string, { type: string; records: string[] }>();
  for (const r of rows) {
    const e = byException.get(r.id) ?? { type: r.type, records: [] };
    e.records.push(r.recordId.replace(/^[^:]+:/, ''));
    byException.set(r.id, e);
  }
  return [...byException.values()].map((e) => `${e.type}|${e.records.sort().join(',')}`).sort();
}
