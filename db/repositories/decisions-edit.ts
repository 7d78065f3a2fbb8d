/**
 * A reviewer's edit: a new suggestion version written by that person, never a
 * change to an earlier one. The resolution is verified with the same checks
 * the agents' suggestions pass, against the break rebuilt from its stored
 * records; one that does not verify is refused (400, each failed check an
 * issue) so no version exists that nobody could approve. The exception's
 * queue columns follow the new version: source `human`, confidence 1 (a
 * person chose it), verified.
 */
import { randomUUID } from 'node:crypto';
import { eq, max } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { nextStatus } from '../../core/review/review-machine.ts';
import { isCauseOfType, type RootCause } from '../../core/taxonomy/root-causes.ts';
import type { Resolution } from '../../core/taxonomy/actions.ts';
import type { BreakType } from '../../core/taxonomy/break-types.ts';
import { verifySuggestion } from '../../core/verify/verify-suggestion.ts';
import type { Database } from '../client.ts';
import { decisions } from '../schema/decisions.ts';
import { suggestions } from '../schema/suggestions.ts';
import { appendAudit } from './audit-repository.ts';
import { loadStoredBreak } from './decisions-context.ts';
import { assertExpectedVersion, bumpException, currentSuggestion, lockException } from './decisions-locking.ts';
import type { DecisionBase, DecisionOutcome } from './decisions-repository.ts';

export interface EditInput extends DecisionBase {
  readonly resolution: Resolution;
  readonly type?: BreakType | undefined;
  readonly cause?: RootCause | undefined;
  readonly rationale?: string | undefined;
}

export async function editException(db: Database, input: EditInput): Promise<DecisionOutcome & { verification: { ok: boolean } }> {
  return db.transaction(async (tx) => {
    const row = await lockException(tx, input.exceptionId);
    assertExpectedVersion(row, input.expectedVersion);
    const to = nextStatus(row.status, 'edit');
    const previous = await currentSuggestion(tx, row);
    const type = input.type ?? previous?.type ?? row.type;
    // A new type without a cause: the old cause belongs to the old type, so it becomes unknown.
    const cause: RootCause = input.cause ?? (input.type === undefined ? (previous?.cause ?? row.cause ?? 'unknown') : 'unknown');
    if (!isCauseOfType(cause, type)) {
      throw new AppError('validation_failed', `${cause} is not a cause of a ${type} break`, { issues: [{ field: 'body.cause', message: `not a cause of ${type}` }] });
    }
    const { context } = await loadStoredBreak(tx, row);
    const verification = verifySuggestion(context, type, input.resolution);
    if (!verification.ok) {
      const failed = verification.checks.filter((c) => !c.ok);
      throw new AppError('validation_failed', 'The edited resolution does not verify against the break', {
        issues: failed.map((c) => ({ field: 'body.resolution', message: c.message ?? c.name })),
        details: { checks: failed },
      });
    }
    // After the highest stored version, not the current one: an exception reopened without a current version keeps its history.
    const [{ highest } = { highest: 0 }] = await tx.select({ highest: max(suggestions.version) }).from(suggestions).where(eq(suggestions.exceptionId, row.id));
    const version = Math.max(highest ?? 0, row.currentSuggestionVersion ?? 0) + 1;
    const suggestionId = randomUUID();
    await tx.insert(suggestions).values({
      id: suggestionId,
      exceptionId: row.id,
      version,
      type,
      cause,
      action: input.resolution.action,
      resolution: input.resolution,
      rationale: input.rationale ?? '',
      evidence: [],
      confidence: '1',
      source: 'human',
      verified: true,
      verification: { ok: true, checks: verification.checks.map((c) => ({ ...c })) },
      promptVersion: null,
      createdBy: input.actorId,
      createdAt: input.now,
    });
    const id = randomUUID();
    await tx.insert(decisions).values({ id, exceptionId: row.id, suggestionId, suggestionVersion: version, kind: 'edit', actorId: input.actorId, reason: input.rationale ?? null, createdAt: input.now });
    const state = await bumpException(tx, row, { status: to, type, cause, confidence: '1', source: 'human', verified: true, currentSuggestionVersion: version }, input.now);
    await appendAudit(
      tx,
      [
        { actor: input.actorId, action: 'suggestion.created', entityType: 'suggestion', entityId: suggestionId, payload: { exceptionId: row.id, version, type, cause, resolution: input.resolution } },
        { actor: input.actorId, action: 'decision.edit', entityType: 'decision', entityId: id, payload: { exceptionId: row.id, suggestionVersion: version, from: row.status, to } },
      ],
      input.now,
    );
    return { exception: state, decision: { id, kind: 'edit', suggestionVersion: version }, from: row.status, verification: { ok: true } };
  });
}
