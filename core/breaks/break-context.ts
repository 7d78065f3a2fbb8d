/**
 * What the three agents see of one break: its records in full, the matching
 * stage's evidence, and the reconciliation's windows. JSON-plain (strings,
 * numbers, arrays), so it can live in graph state and checkpoints and be
 * rendered into a prompt as quoted data.
 */
import type { CanonicalRecord } from '../records/canonical-record.ts';
import type { MatchConfig } from '../match/match-config.ts';
import type { BreakShape, Evidence, MatchBreak, MatchResult } from '../match/match-types.ts';
import type { Domain } from '../statuses.ts';
import { breakFingerprint } from './fingerprint.ts';

export interface BreakContext {
  /** Unique inside a run: `b<index>`, in the matching stage's canonical order. */
  readonly id: string;
  /** Stable across runs for the same content: the cache and reviewer-memory key. */
  readonly fingerprint: string;
  readonly shape: BreakShape;
  readonly domain: Domain;
  /** The reconciliation date; clearing windows are measured back from it. */
  readonly asOf: string;
  readonly external: readonly CanonicalRecord[];
  readonly internal: readonly CanonicalRecord[];
  /** sum(external) − sum(internal), when the records share a currency. */
  readonly difference: string | null;
  readonly currency: string | null;
  readonly evidence: Evidence;
  readonly config: Pick<MatchConfig, 'dateWindowDays' | 'clearingWindowDays' | 'roundingMinorUnits' | 'securities'>;
}

export interface BuildContextsInput {
  readonly result: MatchResult;
  readonly external: readonly CanonicalRecord[];
  readonly internal: readonly CanonicalRecord[];
  readonly asOf: string;
  readonly domain: Domain;
  readonly config: MatchConfig;
}

function pick(byId: ReadonlyMap<string, CanonicalRecord>, ids: readonly string[], side: string, breakIndex: number): CanonicalRecord[] {
  return ids.map((id) => {
    const record = byId.get(id);
    // The matching stage only ever names records it was given.
    if (!record) throw new Error(`break ${breakIndex} names unknown ${side} record ${id}`);
    return record;
  });
}

export function toBreakContext(b: MatchBreak, index: number, input: Omit<BuildContextsInput, 'result'>, byId: { external: ReadonlyMap<string, CanonicalRecord>; internal: ReadonlyMap<string, CanonicalRecord> }): BreakContext {
  const external = pick(byId.external, b.external, 'external', index);
  const internal = pick(byId.internal, b.internal, 'internal', index);
  const { dateWindowDays, clearingWindowDays, roundingMinorUnits, securities } = input.config;
  return {
    id: `b${index}`,
    fingerprint: breakFingerprint(b.shape, external, internal),
    shape: b.shape,
    domain: input.domain,
    asOf: input.asOf,
    external,
    internal,
    difference: b.difference,
    currency: b.currency,
    evidence: b.evidence,
    config: { dateWindowDays, clearingWindowDays, roundingMinorUnits, securities },
  };
}

/** Every break of a matching result as an agent input, in the result's order. */
export function buildBreakContexts(input: BuildContextsInput): BreakContext[] {
  const byId = { external: new Map(input.external.map((r) => [r.id, r])), internal: new Map(input.internal.map((r) => [r.id, r])) };
  return input.result.breaks.map((b, i) => toBreakContext(b, i, input, byId));
}
