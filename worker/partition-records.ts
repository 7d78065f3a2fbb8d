/**
 * A reconciliation's records, whole or one partition at a time: each side is
 * its account (or the import configured instead), superseded records left
 * out, filtered in SQL so a partition job reads only its slice — which also
 * keeps the graph's `load` checkpoint, holding that slice, small.
 */
import { and, asc, eq, gte, isNull, lte, max, min, sql, type SQL } from 'drizzle-orm';
import { addDays, daysBetween } from '../core/dates/iso-date.ts';
import { partitionKeyOf } from '../core/jobs/job-ids.ts';
import type { Partition } from '../core/jobs/job-payloads.ts';
import type { CanonicalRecord } from '../core/records/canonical-record.ts';
import type { Side } from '../core/statuses.ts';
import type { Database } from '../db/client.ts';
import { toCanonicalRecord } from '../db/repositories/record-loader.ts';
import type { Reconciliation } from '../db/schema/reconciliations.ts';
import { records } from '../db/schema/records.ts';

type Sources = Pick<Reconciliation, 'externalAccount' | 'internalAccount' | 'externalImportId' | 'internalImportId'>;

function sideWhere(r: Sources, side: Side): SQL {
  const importId = side === 'external' ? r.externalImportId : r.internalImportId;
  const account = side === 'external' ? r.externalAccount : r.internalAccount;
  return and(importId ? eq(records.importId, importId) : and(eq(records.side, side), eq(records.account, account)), isNull(records.supersededAt))!;
}

function partitionWhere(partition: Partition): SQL | undefined {
  switch (partition.kind) {
    case 'currency':
      return eq(records.currency, partition.currency);
    case 'date':
      return and(gte(records.date, partition.from), lte(records.date, partition.to));
    default:
      return undefined;
  }
}

export interface KeyedPartition {
  readonly key: string;
  readonly partition: Partition;
}

/** The partitions of a run, in a stable order; one `all` when it is not split (or has nothing to split). */
export async function partitionsOf(db: Database, r: Sources & Pick<Reconciliation, 'partitionBy' | 'partitionDays'>): Promise<KeyedPartition[]> {
  const both = sql`(${sideWhere(r, 'external')}) or (${sideWhere(r, 'internal')})`;
  if (r.partitionBy === 'currency') {
    const rows = await db.selectDistinct({ currency: records.currency }).from(records).where(both).orderBy(asc(records.currency));
    const currencies = rows.map((row) => row.currency.trim());
    if (currencies.length > 1) return currencies.map((currency) => ({ key: partitionKeyOf('currency', currency), partition: { kind: 'currency', currency } }));
  }
  if (r.partitionBy === 'date') {
    const [range] = await db.select({ from: min(records.date), to: max(records.date) }).from(records).where(both);
    if (range?.from && range.to && daysBetween(range.from, range.to) >= r.partitionDays) {
      const blocks: KeyedPartition[] = [];
      for (let from = range.from; from <= range.to; from = addDays(from, r.partitionDays)) {
        const to = addDays(from, r.partitionDays - 1);
        blocks.push({ key: partitionKeyOf('date', `${from}..${to}`), partition: { kind: 'date', from, to } });
      }
      return blocks;
    }
  }
  if (r.partitionBy === 'account') return [{ key: partitionKeyOf('account', `${r.externalAccount}|${r.internalAccount}`), partition: { kind: 'account', external: r.externalAccount, internal: r.internalAccount } }];
  return [{ key: 'all', partition: { kind: 'none' } }];
}

async function sideRecords(db: Database, r: Sources, side: Side, partition: Partition): Promise<CanonicalRecord[]> {
  const slice = partitionWhere(partition);
  const rows = await db
    .select()
    .from(records)
    .where(slice ? and(sideWhere(r, side), slice) : sideWhere(r, side))
    .orderBy(asc(records.date), asc(records.id));
  return rows.map(toCanonicalRecord);
}

export async function partitionRecords(db: Database, r: Sources, partition: Partition): Promise<{ external: CanonicalRecord[]; internal: CanonicalRecord[] }> {
  return { external: await sideRecords(db, r, 'external', partition), internal: await sideRecords(db, r, 'internal', partition) };
}
