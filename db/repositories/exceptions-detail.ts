/**
 * One exception in full, for the review screen: the row, both sides'
 * records side by side with the field differences, the matcher's evidence,
 * every suggestion version (the current one first-class), the decisions
 * with who made them, and the effects applying produced. Six small indexed
 * reads, run together.
 */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { adjustmentLines, adjustments, type Adjustment, type AdjustmentLine } from '../schema/adjustments.ts';
import { decisions } from '../schema/decisions.ts';
import { exceptionRecords, exceptions, type ExceptionRow } from '../schema/exceptions.ts';
import { records, type RecordRow } from '../schema/records.ts';
import { suggestions, type SuggestionRow } from '../schema/suggestions.ts';
import { users } from '../schema/users.ts';
import { fieldDiffs, sideTotals, type FieldDiff, type SideTotals } from './exceptions-field-diff.ts';

export interface DecisionEntry {
  readonly id: string;
  readonly kind: string;
  readonly suggestionId: string | null;
  readonly suggestionVersion: number | null;
  readonly actorId: string | null;
  readonly actorName: string | null;
  readonly reason: string | null;
  readonly createdAt: Date;
}

export interface ExceptionDetail {
  readonly exception: ExceptionRow;
  readonly records: { readonly external: RecordRow[]; readonly internal: RecordRow[] };
  readonly fieldDiffs: FieldDiff[];
  readonly totals: SideTotals;
  /** The version `current_suggestion_version` names; null before any suggestion. */
  readonly suggestion: SuggestionRow | null;
  /** Every version, newest first (the current one included). */
  readonly versions: SuggestionRow[];
  /** Oldest first: the review history in order. */
  readonly decisions: DecisionEntry[];
  readonly effects: (Adjustment & { readonly lines: AdjustmentLine[] })[];
}

export async function exceptionDetail(db: Database, id: string): Promise<ExceptionDetail | undefined> {
  const [row] = await db.select().from(exceptions).where(eq(exceptions.id, id)).limit(1);
  if (!row) return undefined;
  const [linked, versions, decided, effects] = await Promise.all([
    db
      .select({ side: exceptionRecords.side, record: records })
      .from(exceptionRecords)
      .innerJoin(records, eq(records.id, exceptionRecords.recordId))
      .where(eq(exceptionRecords.exceptionId, id))
      .orderBy(asc(records.date), asc(records.id)),
    db.select().from(suggestions).where(eq(suggestions.exceptionId, id)).orderBy(desc(suggestions.version)),
    db
      .select({
        id: decisions.id,
        kind: decisions.kind,
        suggestionId: decisions.suggestionId,
        suggestionVersion: decisions.suggestionVersion,
        actorId: decisions.actorId,
        actorName: users.name,
        reason: decisions.reason,
        createdAt: decisions.createdAt,
      })
      .from(decisions)
      .leftJoin(users, eq(users.id, decisions.actorId))
      .where(eq(decisions.exceptionId, id))
      .orderBy(asc(decisions.createdAt), asc(decisions.id)),
    db.select().from(adjustments).where(eq(adjustments.exceptionId, id)).orderBy(asc(adjustments.createdAt), asc(adjustments.id)),
  ]);
  const lines = effects.length === 0 ? [] : await db.select().from(adjustmentLines).where(inArray(adjustmentLines.adjustmentId, effects.map((e) => e.id))).orderBy(asc(adjustmentLines.lineNo));
  const external = linked.filter((l) => l.side === 'external').map((l) => l.record);
  const internal = linked.filter((l) => l.side === 'internal').map((l) => l.record);
  return {
    exception: row,
    records: { external, internal },
    fieldDiffs: fieldDiffs(external, internal),
    totals: sideTotals(external, internal),
    suggestion: versions.find((v) => v.version === row.currentSuggestionVersion) ?? null,
    versions,
    decisions: decided,
    effects: effects.map((e) => ({ ...e, lines: lines.filter((l) => l.adjustmentId === e.id) })),
  };
}
