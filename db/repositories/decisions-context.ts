/**
 * An exception's break as it stands now, for verifying an edit and planning
 * an apply: its records (superseded ones included, and named, so apply can
 * refuse to act on changed books), the records already in a confirmed
 * match, and its reconciliation's match config and GL mapping.
 */
import { eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { BreakContext } from '../../core/breaks/break-context.ts';
import { storedBreakContext } from '../../core/review/stored-break-context.ts';
import type { Domain } from '../../core/statuses.ts';
import type { Database } from '../client.ts';
import { exceptionRecords, type ExceptionRow } from '../schema/exceptions.ts';
import { matchGroupRecords, matchGroups } from '../schema/match-groups.ts';
import { reconciliations } from '../schema/reconciliations.ts';
import { records, type RecordRow } from '../schema/records.ts';
import { toCanonicalRecord } from './record-loader.ts';

export interface StoredBreakState {
  readonly context: BreakContext;
  readonly rows: readonly RecordRow[];
  readonly superseded: ReadonlySet<string>;
  readonly confirmed: ReadonlySet<string>;
  readonly glCodes: Readonly<Record<string, string>>;
  /** The reconciliation's book account, when the exception belongs to one. */
  readonly internalAccount: string | null;
}

export async function loadStoredBreak(tx: Database, row: ExceptionRow, options: { lockRecords?: boolean } = {}): Promise<StoredBreakState> {
  return (await loadStoredBreaks(tx, [row], options)).get(row.id)!;
}

/**
 * Many breaks in two queries whatever their number (links with their
 * records and confirmed flags, then reconciliations), for a batched apply. Records are
 * locked in id order across the whole set: two applies over overlapping
 * records queue instead of deadlocking.
 */
export async function loadStoredBreaks(tx: Database, rows: readonly ExceptionRow[], options: { lockRecords?: boolean } = {}): Promise<Map<string, StoredBreakState>> {
  const out = new Map<string, StoredBreakState>();
  if (rows.length === 0) return out;
  // Links, records and whether each is in a confirmed match, in one query.
  const query = tx
    .select({
      exceptionId: exceptionRecords.exceptionId,
      record: getTableColumns(records),
      confirmed: sql<boolean>`exists (select 1 from ${matchGroupRecords} m join ${matchGroups} g on g.id = m.group_id where m.record_id = ${records.id} and g.status = 'confirmed')`,
    })
    .from(exceptionRecords)
    .innerJoin(records, eq(records.id, exceptionRecords.recordId))
    .where(inArray(exceptionRecords.exceptionId, rows.map((r) => r.id)))
    .orderBy(records.id);
  const links = options.lockRecords ? await query.for('update', { of: records }) : await query;
  const recordRows = links.map((l) => l.record);
  const confirmedRows = links.filter((l) => l.confirmed).map((l) => ({ recordId: l.record.id }));
  const reconIds = [...new Set(rows.map((r) => r.reconciliationId).filter((id): id is string => id !== null))];
  const recons = reconIds.length === 0 ? [] : await tx.select().from(reconciliations).where(inArray(reconciliations.id, reconIds));
  const reconById = new Map(recons.map((r) => [r.id, r]));
  const recordById = new Map(recordRows.map((r) => [r.id, r]));
  const confirmedAll = new Set(confirmedRows.map((r) => r.recordId));
  const linksOf = new Map<string, string[]>();
  for (const l of links) linksOf.set(l.exceptionId, [...(linksOf.get(l.exceptionId) ?? []), l.record.id]);
  for (const row of rows) {
    const own = (linksOf.get(row.id) ?? []).sort().map((id) => recordById.get(id)).filter((r): r is RecordRow => r !== undefined);
    const recon = row.reconciliationId ? reconById.get(row.reconciliationId) : undefined;
    const domain: Domain = recon?.domain ?? (own.some((r) => r.kind !== 'cash') ? 'securities' : 'cash');
    const context = storedBreakContext({ exception: row, domain, records: own.map(toCanonicalRecord), config: recon?.config });
    out.set(row.id, {
      context,
      rows: own,
      superseded: new Set(own.filter((r) => r.supersededAt !== null).map((r) => r.id)),
      confirmed: new Set(own.filter((r) => confirmedAll.has(r.id)).map((r) => r.id)),
      glCodes: recon?.glCodes ?? {},
      internalAccount: recon?.internalAccount ?? null,
    });
  }
  return out;
}
