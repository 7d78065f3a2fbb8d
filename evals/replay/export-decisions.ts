/**
 * Reviewer decisions as evaluation cases: every exception people approved,
 * edited (then approved) or rejected becomes one case holding the break's
 * stored records. Approved and edited cases take the resolution people left as
 * the truth; a rejected one takes `escalate` with cause `unknown` (a person
 * had to look, and the suggestion was wrong), and every case keeps what the
 * system suggested then in `replay`, so the current system can be scored
 * against what people actually decided. Cases that do not validate (a
 * person's resolution that does not balance, records gone) are listed, not
 * exported.
 */
import { asc, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { decisions } from '../../db/schema/decisions.ts';
import { exceptionRecords, exceptions } from '../../db/schema/exceptions.ts';
import { records } from '../../db/schema/records.ts';
import { suggestions } from '../../db/schema/suggestions.ts';
import type { CaseRecord } from '../../core/records/canonical-record.ts';
import { evalCaseSchema, type EvalCase } from '../case-schema.ts';

export interface ExportedDecisions {
  readonly cases: EvalCase[];
  /** Exceptions left out, with the reason. */
  readonly skipped: { exceptionId: string; reason: string }[];
}

type RecordRow = typeof records.$inferSelect;

function toCaseRecord(r: RecordRow): CaseRecord {
  const out: Record<string, unknown> = { id: r.id, account: r.account, date: r.date, amount: r.amount, currency: r.currency };
  for (const key of ['valueDate', 'reference', 'counterparty', 'description', 'securityId', 'securityIdType', 'securityIds', 'quantity', 'price', 'tradeDate', 'settleDate', 'fxRate', 'kind'] as const) {
    const value = (r as Record<string, unknown>)[key];
    if (value !== null && value !== undefined && value !== '') out[key] = value;
  }
  return out as CaseRecord;
}

export async function exportDecisions(db: Database): Promise<ExportedDecisions> {
  const decided = await db.select().from(decisions).where(inArray(decisions.kind, ['approve', 'edit', 'reject'])).orderBy(asc(decisions.createdAt), asc(decisions.id));
  const byException = new Map<string, (typeof decided)[number][]>();
  for (const d of decided) byException.set(d.exceptionId, [...(byException.get(d.exceptionId) ?? []), d]);
  // Decisions in the same instant: an edit comes before the approval or rejection that ends the review.
  const rank = (kind: string) => (kind === 'edit' ? 0 : 1);
  for (const list of byException.values()) list.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || rank(a.kind) - rank(b.kind));
  const ids = [...byException.keys()];
  if (ids.length === 0) return { cases: [], skipped: [] };
  const [rows, links, versions] = await Promise.all([
    db.select().from(exceptions).where(inArray(exceptions.id, ids)),
    db.select().from(exceptionRecords).where(inArray(exceptionRecords.exceptionId, ids)),
    db.select().from(suggestions).where(inArray(suggestions.exceptionId, ids)),
  ]);
  const recordRows = await db.select().from(records).where(inArray(records.id, [...new Set(links.map((l) => l.recordId))]));
  const recordById = new Map(recordRows.map((r) => [r.id, r]));
  const cases: EvalCase[] = [];
  const skipped: ExportedDecisions['skipped'] = [];
  for (const exception of rows.sort((a, b) => a.id.localeCompare(b.id))) {
    const history = byException.get(exception.id)!;
    const last = history[history.length - 1]!;
    const own = versions.filter((s) => s.exceptionId === exception.id).sort((a, b) => a.version - b.version);
    const first = own[0];
    if (!first) {
      skipped.push({ exceptionId: exception.id, reason: 'no suggestion' });
      continue;
    }
    const kind = last.kind === 'reject' ? 'rejected' : history.some((d) => d.kind === 'edit') ? 'edited' : 'approved';
    if (last.kind === 'edit') {
      skipped.push({ exceptionId: exception.id, reason: 'edited but not yet approved' });
      continue;
    }
    const final = own.find((s) => s.id === last.suggestionId) ?? own[own.length - 1]!;
    const mine = links.filter((l) => l.exceptionId === exception.id);
    const side = (s: 'external' | 'internal') => mine.filter((l) => l.side === s).map((l) => recordById.get(l.recordId)).filter((r): r is RecordRow => r !== undefined).map(toCaseRecord);
    const external = side('external');
    const internal = side('internal');
    const truth = kind === 'rejected' ? { type: first.type, cause: 'unknown' as const, resolution: { action: 'escalate' as const, reason: `Reviewers rejected the suggestion${last.reason ? `: ${last.reason}` : ''}.` } } : { type: final.type, cause: final.cause, resolution: final.resolution };
    const candidate = {
      id: `decision-${exception.id}`,
      domain: [...external, ...internal].some((r) => r.securityId) ? 'securities' : 'cash',
      asOf: exception.asOf,
      tags: ['replay', `decision:${kind}`],
      difficulty: 'replay',
      external,
      internal,
      expected: { matches: [], breaks: [{ external: external.map((r) => r.id), internal: internal.map((r) => r.id), ...truth }] },
      replay: { exceptionId: exception.id, decision: kind, suggested: { type: first.type, cause: first.cause, resolution: first.resolution } },
    };
    const parsed = evalCaseSchema.safeParse(candidate);
    if (parsed.success) cases.push(parsed.data);
    else skipped.push({ exceptionId: exception.id, reason: parsed.error.issues.map((i) => i.message).join('; ') });
  }
  return { cases, skipped };
}
