/**
 * An exception's break as it stands now, for verifying an edit and planning
 * an apply: its records (superseded ones included, and named, so apply can
 * refuse to act on changed books), the records already in a confirmed
 * match, and its reconciliation's match config and GL mapping.
 */
import { and, eq, inArray } from 'drizzle-orm';
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
  const links = await tx.select({ recordId: exceptionRecords.recordId }).from(exceptionRecords).where(eq(exceptionRecords.exceptionId, row.id));
  const ids = links.map((l) => l.recordId).sort();
  let recordRows: RecordRow[] = [];
  if (ids.length > 0) {
    // In id order: two applies over overlapping records queue instead of deadlocking.
    const query = tx.select().from(records).where(inArray(records.id, ids)).orderBy(records.id);
    recordRows = options.lockRecords ? await query.for('update') : await query;
  }
  const confirmedRows =
    ids.length === 0
      ? []
      : await tx
          .select({ recordId: matchGroupRecords.recordId })
          .from(matchGroupRecords)
          .innerJoin(matchGroups, eq(matchGroups.id, matchGroupRecords.groupId))
          .where(and(inArray(matchGroupRecords.recordId, ids), eq(matchGroups.status, 'confirmed')));
  const [recon] = row.reconciliationId ? await tx.select().from(reconciliations).where(eq(reconciliations.id, row.reconciliationId)) : [];
  const domain: Domain = recon?.domain ?? (recordRows.some((r) => r.kind !== 'cash') ? 'securities' : 'cash');
  const context = storedBreakContext({ exception: row, domain, records: recordRows.map(toCanonicalRecord), config: recon?.config });
  return {
    context,
    rows: recordRows,
    superseded: new Set(recordRows.filter((r) => r.supersededAt !== null).map((r) => r.id)),
    confirmed: new Set(confirmedRows.map((r) => r.recordId)),
    glCodes: recon?.glCodes ?? {},
    internalAccount: recon?.internalAccount ?? null,
  };
}
