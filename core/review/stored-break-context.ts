/**
 * A break context rebuilt from what was stored: the exception row's copy of
 * the matching evidence and the break's records as they are now. A human
 * edit is verified against it with the same checks the agents' suggestions
 * passed, and apply re-verifies against it, so a record that changed since
 * the run (a correction elsewhere) is noticed before anything is written.
 */
import type { BreakContext } from '../breaks/break-context.ts';
import { DEFAULT_MATCH_CONFIG, matchConfigSchema } from '../match/match-config.ts';
import type { BreakShape, Evidence } from '../match/match-types.ts';
import type { CanonicalRecord } from '../records/canonical-record.ts';
import type { Domain, MatchPass } from '../statuses.ts';
import type { BreakType } from '../taxonomy/break-types.ts';

export interface StoredBreak {
  readonly id: string;
  readonly breakKey: string | null;
  readonly fingerprint: string | null;
  readonly type: BreakType;
  readonly asOf: string;
  readonly currency: string;
  readonly difference: string;
  readonly evidence: Readonly<Record<string, unknown>>;
}

export interface StoredBreakInput {
  readonly exception: StoredBreak;
  readonly domain: Domain;
  readonly records: readonly CanonicalRecord[];
  /** The reconciliation's stored config (validated here; anything unreadable falls back to the contract defaults). */
  readonly config?: unknown;
}

/** The matcher's shape is not stored; the records and evidence tell it apart well enough for verification, which does not read it. */
function shapeOf(type: BreakType, pass: unknown, external: number, internal: number): BreakShape {
  if (pass === 'duplicate') return 'duplicate';
  if (external === 0 || internal === 0) return 'one_sided';
  if (type === 'ambiguous_match') return 'ambiguous';
  return external === 1 && internal === 1 ? 'pair' : 'aggregate';
}

function evidenceOf(stored: Readonly<Record<string, unknown>>): Evidence {
  return {
    ...stored,
    pass: (typeof stored.pass === 'string' ? stored.pass : 'leftover') as MatchPass,
    agreed: Array.isArray(stored.agreed) ? (stored.agreed as string[]) : [],
    differences: Array.isArray(stored.differences) ? (stored.differences as Evidence['differences']) : [],
    score: typeof stored.score === 'number' ? stored.score : 0,
  };
}

export function storedBreakContext(input: StoredBreakInput): BreakContext {
  const { exception } = input;
  const parsed = matchConfigSchema.safeParse(input.config ?? {});
  const { dateWindowDays, clearingWindowDays, roundingMinorUnits, securities } = parsed.success ? parsed.data : DEFAULT_MATCH_CONFIG;
  const external = input.records.filter((r) => r.side === 'external');
  const internal = input.records.filter((r) => r.side === 'internal');
  const currencies = new Set(input.records.map((r) => r.currency));
  return {
    id: exception.breakKey ?? exception.id,
    fingerprint: exception.fingerprint ?? '',
    shape: shapeOf(exception.type, exception.evidence.pass, external.length, internal.length),
    domain: input.domain,
    asOf: exception.asOf,
    external,
    internal,
    // The stored difference is nominal when the currencies differ; the context says "no single figure" then.
    difference: currencies.size === 1 ? exception.difference : null,
    currency: currencies.size === 1 ? exception.currency : null,
    evidence: evidenceOf(exception.evidence),
    config: { dateWindowDays, clearingWindowDays, roundingMinorUnits, securities },
  };
}
