/**
 * Writes an apply plan (core/apply/plan-apply.ts): the confirmed match group,
 * the superseded records and their corrected copies, the adjustment and its
 * journal lines. Called inside the apply's transaction; anything that does
 * not go as planned throws, so the transaction leaves nothing behind.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { ApplyPlan } from '../../core/apply/plan-apply.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { Database } from '../client.ts';
import { adjustmentLines, adjustments } from '../schema/adjustments.ts';
import type { ExceptionRow } from '../schema/exceptions.ts';
import { matchGroupRecords, matchGroups } from '../schema/match-groups.ts';
import { records, type NewRecord, type RecordRow } from '../schema/records.ts';

export interface WrittenEffects {
  readonly adjustmentId: string | null;
  readonly matchGroupId: string | null;
  readonly correctedRecordIds: readonly string[];
}

interface EffectTarget {
  readonly row: ExceptionRow;
  readonly decisionId: string;
  readonly records: readonly RecordRow[];
  readonly now: Date;
}

async function confirmGroup(tx: Database, t: EffectTarget, group: NonNullable<ApplyPlan['matchGroup']>): Promise<string> {
  const evidence = { pass: 'manual', agreed: [], differences: [], score: 1, exceptionId: t.row.id, decisionId: t.decisionId };
  const [inserted] = await tx.insert(matchGroups).values({ runId: t.row.runId, pass: 'manual', status: 'confirmed', score: '1', evidence, createdAt: t.now }).returning({ id: matchGroups.id });
  const groupId = inserted!.id;
  const members = [...group.external.map((recordId) => ({ groupId, recordId, side: 'external' as const })), ...group.internal.map((recordId) => ({ groupId, recordId, side: 'internal' as const }))];
  await tx.insert(matchGroupRecords).values(members);
  return groupId;
}

async function supersede(tx: Database, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  const done = await tx
    .update(records)
    .set({ supersededAt: now })
    .where(and(inArray(records.id, [...ids]), isNull(records.supersededAt)))
    .returning({ id: records.id });
  if (done.length !== ids.length) throw new AppError('conflict', `Record ${ids.join(', ')} was superseded by another decision meanwhile`);
}

/** The corrected copy: every column as it was, the one field changed, provenance saying where it came from. */
function correctedCopy(old: RecordRow, c: ApplyPlan['corrections'][number], t: EffectTarget): NewRecord {
  const { id: _id, createdAt: _created, supersededAt: _superseded, ...rest } = old;
  const provenance = { ...old.provenance, ...(old.importId ? { importId: old.importId } : {}), correctionOf: old.id, decisionId: t.decisionId, exceptionId: t.row.id };
  return { ...rest, id: c.newRecordId, importId: null, [c.field]: c.to, provenance, createdAt: t.now, supersededAt: null };
}

export async function writeEffects(tx: Database, plan: ApplyPlan, t: EffectTarget): Promise<WrittenEffects> {
  const matchGroupId = plan.matchGroup ? await confirmGroup(tx, t, plan.matchGroup) : null;
  await supersede(tx, plan.supersede, t.now);
  const byId = new Map(t.records.map((r) => [r.id, r]));
  const copies = plan.corrections.map((c) => {
    const old = byId.get(c.recordId);
    if (!old) throw new AppError('conflict', `Record ${c.recordId} to correct is not part of the exception`);
    return correctedCopy(old, c, t);
  });
  if (copies.length > 0) await tx.insert(records).values(copies);
  let adjustmentId: string | null = null;
  if (plan.effect) {
    const payload = { ...plan.effect.payload, ...(matchGroupId ? { matchGroupId } : {}) };
    const [inserted] = await tx
      .insert(adjustments)
      .values({ exceptionId: t.row.id, decisionId: t.decisionId, kind: plan.effect.kind, currency: plan.effect.currency, memo: plan.effect.memo, payload, createdAt: t.now })
      .returning({ id: adjustments.id });
    adjustmentId = inserted!.id;
    const lines = plan.effect.lines.map((l) => ({ adjustmentId: adjustmentId!, lineNo: l.lineNo, accountRole: l.accountRole, glCode: l.glCode, amount: l.amount, description: l.description }));
    if (lines.length > 0) await tx.insert(adjustmentLines).values(lines);
  }
  return { adjustmentId, matchGroupId, correctedRecordIds: copies.map((c) => c.id) };
}

/** The effect an earlier apply of the same decision already wrote, if any (adjustments_decision_key). */
export async function existingEffect(tx: Database, decisionId: string): Promise<string | undefined> {
  const [row] = await tx.select({ id: adjustments.id }).from(adjustments).where(eq(adjustments.decisionId, decisionId));
  return row?.id;
}
