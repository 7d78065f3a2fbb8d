/**
 * Stores a run's breaks: per break an exception with its records, the first
 * suggestion version and — when the auto-approval policy approved it — the
 * `auto_approve` decision. One transaction per call, so a batch is stored
 * whole or not at all. Idempotent by (run, break id): the exception insert
 * skips keys the run already has, and only freshly inserted exceptions get
 * children, so a repeated call stores nothing twice.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { BreakContext } from '../../core/breaks/break-context.ts';
import type { BreakSuggestion } from '../../core/breaks/suggestion.ts';
import { subtractAmounts, sumAmounts } from '../../core/money/money.ts';
import { amountAtStake } from '../../core/breaks/amount-at-stake.ts';
import { checkPersistedBreak, type PersistedBreak } from '../../core/ports/run-store.ts';
import type { Database } from '../client.ts';
import { decisions, type NewDecision } from '../schema/decisions.ts';
import { exceptionRecords, exceptions, type NewException } from '../schema/exceptions.ts';
import { reconciliations } from '../schema/reconciliations.ts';
import { runs } from '../schema/runs.ts';
import { suggestions, type NewSuggestion } from '../schema/suggestions.ts';
import { runNotFound, runStoreFailure } from './run-errors.ts';

/** Breaks per statement: ~20 parameters per exception or suggestion row stays far below the 65 535 limit. */
const BREAK_CHUNK = 500;
/** Record links per statement (3 parameters each); an aggregate break can name many records. */
const LINK_CHUNK = 10_000;

interface RunHeader {
  readonly reconciliationId: string | null;
  readonly externalAccount: string | null;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * sum(external) − sum(internal). The matching stage leaves it null when the
 * records are in different currencies; the column needs a figure, so it is
 * then the nominal difference, and the evidence keeps the per-record detail.
 */
export function breakDifference(context: BreakContext): string {
  if (context.difference !== null) return context.difference;
  return subtractAmounts(sumAmounts(context.external.map((r) => r.amount)), sumAmounts(context.internal.map((r) => r.amount)));
}

/** The three agents' reasons, one labelled line each, as reviewers read them. */
export function rationaleText(rationale: BreakSuggestion['rationale']): string {
  return [`Classification: ${rationale.classify}`, `Root cause: ${rationale.rootCause}`, `Resolution: ${rationale.suggest}`].join('\n');
}

/** Who made the suggestion: `rules`, `memory`, or `llm:<model>` (a cached answer was the model's too). */
export function suggestionAuthor(suggestion: BreakSuggestion): string {
  if (suggestion.source === 'llm' || suggestion.source === 'cache') return suggestion.model ? `llm:${suggestion.model}` : suggestion.source;
  return suggestion.source;
}

export function suggestionTokens(suggestion: BreakSuggestion): { tokensIn: number; tokensOut: number } {
  let tokensIn = 0;
  let tokensOut = 0;
  for (const usage of Object.values(suggestion.tokens)) {
    tokensIn += usage?.promptTokens ?? 0;
    tokensOut += usage?.completionTokens ?? 0;
  }
  return { tokensIn, tokensOut };
}

function exceptionRow(runId: string, run: RunHeader, b: PersistedBreak, id: string, openedAt: Date): NewException {
  const { context, suggestion } = b;
  const first = (context.external[0] ?? context.internal[0])!;
  return {
    id,
    runId,
    reconciliationId: run.reconciliationId,
    asOf: context.asOf,
    type: suggestion.type,
    cause: suggestion.cause,
    status: b.autoApproved ? 'approved' : 'suggested',
    // The reconciled (bank) account, so one reconciliation's breaks share one account in the queue.
    account: run.externalAccount ?? context.external[0]?.account ?? first.account,
    currency: context.currency ?? first.currency,
    amount: amountAtStake(context),
    difference: breakDifference(context),
    confidence: String(suggestion.confidence),
    source: suggestion.source,
    verified: suggestion.verification.ok,
    evidence: { ...context.evidence },
    fingerprint: context.fingerprint,
    breakKey: context.id,
    currentSuggestionVersion: 1,
    // Every decision bumps the version; the policy's approval is one.
    version: b.autoApproved ? 1 : 0,
    openedAt,
    updatedAt: openedAt,
  };
}

function suggestionRow(exceptionId: string, id: string, suggestion: BreakSuggestion): NewSuggestion {
  return {
    id,
    exceptionId,
    version: 1,
    type: suggestion.type,
    cause: suggestion.cause,
    action: suggestion.resolution.action,
    resolution: suggestion.resolution,
    rationale: rationaleText(suggestion.rationale),
    evidence: [...suggestion.evidence],
    confidence: String(suggestion.confidence),
    source: suggestion.source,
    fallbackReason: suggestion.fallbackReason ?? null,
    verified: suggestion.verification.ok,
    verification: { ok: suggestion.verification.ok, checks: suggestion.verification.checks.map((c) => ({ ...c })) },
    model: suggestion.model ?? null,
    promptVersion: suggestion.promptVersion,
    ...suggestionTokens(suggestion),
    createdBy: suggestionAuthor(suggestion),
  };
}

async function runHeader(db: Database, runId: string): Promise<RunHeader> {
  const [run] = await db
    .select({ reconciliationId: runs.reconciliationId, externalAccount: reconciliations.externalAccount })
    .from(runs)
    .leftJoin(reconciliations, eq(reconciliations.id, runs.reconciliationId))
    .where(eq(runs.id, runId));
  if (!run) throw runNotFound(runId, 'saving breaks');
  return run;
}

async function saveChunk(tx: Database, runId: string, run: RunHeader, batch: readonly PersistedBreak[], now: Date): Promise<void> {
  const rows = batch.map((b) => exceptionRow(runId, run, b, randomUUID(), now));
  const inserted = await tx
    .insert(exceptions)
    .values(rows)
    .onConflictDoNothing({ target: [exceptions.runId, exceptions.breakKey] })
    .returning({ id: exceptions.id, breakKey: exceptions.breakKey });
  if (inserted.length === 0) return;
  const idByKey = new Map(inserted.map((r) => [r.breakKey, r.id]));
  const links: (typeof exceptionRecords.$inferInsert)[] = [];
  const suggestionRows: NewSuggestion[] = [];
  const decisionRows: NewDecision[] = [];
  for (const b of batch) {
    const exceptionId = idByKey.get(b.context.id);
    // Already stored by an earlier call, or a repeat of a break earlier in this batch.
    if (exceptionId === undefined) continue;
    idByKey.delete(b.context.id);
    for (const r of b.context.external) links.push({ exceptionId, recordId: r.id, side: 'external' });
    for (const r of b.context.internal) links.push({ exceptionId, recordId: r.id, side: 'internal' });
    const suggestionId = randomUUID();
    suggestionRows.push(suggestionRow(exceptionId, suggestionId, b.suggestion));
    if (b.autoApproved) {
      // No actor: the configured policy approved it, not a person (the decisions schema allows null only here).
      decisionRows.push({ exceptionId, suggestionId, suggestionVersion: 1, kind: 'auto_approve', actorId: null, reason: 'auto-approval policy', createdAt: now });
    }
  }
  for (const chunk of chunks(links, LINK_CHUNK)) await tx.insert(exceptionRecords).values(chunk);
  if (suggestionRows.length > 0) await tx.insert(suggestions).values(suggestionRows);
  if (decisionRows.length > 0) await tx.insert(decisions).values(decisionRows);
}

export async function saveRunBreaks(db: Database, runId: string, breaks: readonly PersistedBreak[], now: Date): Promise<void> {
  if (breaks.length === 0) return;
  for (const b of breaks) checkPersistedBreak(runId, b);
  try {
    await db.transaction(async (tx) => {
      const run = await runHeader(tx, runId);
      // Keys in one order for every writer: two concurrent calls with overlapping
      // batches then wait on each other's unique-index entries instead of deadlocking.
      const ordered = [...breaks].sort((a, b) => (a.context.id < b.context.id ? -1 : a.context.id > b.context.id ? 1 : 0));
      for (const batch of chunks(ordered, BREAK_CHUNK)) await saveChunk(tx, runId, run, batch, now);
    });
  } catch (error) {
    throw runStoreFailure(error, {
      runId,
      operation: 'saving breaks',
      ownerOf: (recordId) => {
        const owner = breaks.find((b) => b.context.external.some((r) => r.id === recordId) || b.context.internal.some((r) => r.id === recordId));
        return owner ? `break ${owner.context.id}` : undefined;
      },
    });
  }
}
