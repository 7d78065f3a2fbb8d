/**
 * Reviewer memory: per fingerprint, the resolution people approved last time.
 * Only `approve` decisions count — an edit is approved by a later `approve`
 * on the version it created — and never `auto_approve`: a machine approval
 * must not teach the machine — and only on exceptions those approvals carried
 * to approved or applied. One query for all fingerprints.
 */
import { sql } from 'drizzle-orm';
import type { RememberedDecision } from '../../core/ports/run-store.ts';
import { BREAK_TYPES, ROOT_CAUSES, resolutionSchema } from '../../core/taxonomy/index.ts';
import type { BreakType } from '../../core/taxonomy/break-types.ts';
import type { RootCause } from '../../core/taxonomy/root-causes.ts';
import type { Database } from '../client.ts';
import { resultRows } from '../result-rows.ts';

interface MemoryRow {
  readonly fingerprint: string;
  readonly type: string;
  readonly cause: string;
  /** As text: the two drivers differ in whether they parse jsonb in raw queries. */
  readonly resolution: string;
  readonly approvals: number | string;
}

/**
 * "Agreeing" approvals: same type, cause and resolution apart from the record
 * ids it names (`external`, `internal`, `recordId`), since a recurring break
 * is about new records every time while the fee account and amount repeat.
 */
export async function rememberedDecisionsOf(db: Database, fingerprints: readonly string[]): Promise<ReadonlyMap<string, RememberedDecision>> {
  const wanted = [...new Set(fingerprints)];
  const out = new Map<string, RememberedDecision>();
  if (wanted.length === 0) return out;
  // The fingerprints travel as one JSON parameter, however many there are.
  const result = await db.execute(sql`
    with approved as (
      select e.fingerprint, s.type, s.cause, s.resolution, d.created_at, d.id,
             s.resolution - 'external' - 'internal' - 'recordId' as gist
      from decisions d
      join suggestions s on s.id = d.suggestion_id
      join exceptions e on e.id = d.exception_id
      where d.kind = 'approve'
        -- Only approvals that carried the exception through: the first of two
        -- required approvals, or one on a version later replaced, teaches nothing yet.
        and e.status in ('approved', 'applied')
        and e.current_suggestion_version = s.version
        and e.fingerprint in (select jsonb_array_elements_text(${JSON.stringify(wanted)}::jsonb))
    ),
    latest as (
      select distinct on (fingerprint) fingerprint, type, cause, resolution, gist
      from approved
      order by fingerprint, created_at desc, id desc
    )
    select l.fingerprint, l.type::text as type, l.cause::text as cause, l.resolution::text as resolution,
           (select count(*) from approved a
             where a.fingerprint = l.fingerprint and a.type = l.type and a.cause = l.cause and a.gist = l.gist)::int as approvals
    from latest l`);
  for (const row of resultRows<MemoryRow>(result)) {
    const resolution = resolutionSchema.safeParse(JSON.parse(row.resolution));
    // A stored resolution the current taxonomy no longer accepts cannot be suggested again.
    if (!resolution.success) continue;
    if (!(BREAK_TYPES as readonly string[]).includes(row.type) || !(ROOT_CAUSES as readonly string[]).includes(row.cause)) continue;
    out.set(row.fingerprint, {
      fingerprint: row.fingerprint,
      type: row.type as BreakType,
      cause: row.cause as RootCause,
      resolution: resolution.data,
      approvals: Number(row.approvals),
    });
  }
  return out;
}
