/**
 * Break contexts for the rules and verification tests, built the way the
 * pipeline builds them (matching stage, then `buildBreakContexts`), from
 * records written with only the fields a test cares about.
 */
import { buildBreakContexts, type BreakContext } from '../breaks/break-context.ts';
import { matchConfigSchema, type MatchConfigInput } from '../match/match-config.ts';
import { matchRecords } from '../match/match-records.ts';
import type { CanonicalRecord } from '../records/canonical-record.ts';
import type { Domain } from '../statuses.ts';

export type RecordSpec = Partial<Omit<CanonicalRecord, 'side'>> & { id: string; amount: string };

export interface KitInput {
  readonly external?: readonly RecordSpec[];
  readonly internal?: readonly RecordSpec[];
  readonly asOf?: string;
  readonly domain?: Domain;
  readonly config?: MatchConfigInput;
}

function complete(spec: RecordSpec, side: 'external' | 'internal'): CanonicalRecord {
  return { account: side === 'external' ? 'DE89370400440532013000' : '1200', date: '2026-10-10', currency: 'EUR', ...spec, side };
}

export function contextsOf(input: KitInput): BreakContext[] {
  const external = (input.external ?? []).map((r) => complete(r, 'external'));
  const internal = (input.internal ?? []).map((r) => complete(r, 'internal'));
  const config = matchConfigSchema.parse(input.config ?? {});
  const result = matchRecords({ external, internal }, config);
  return buildBreakContexts({ result, external, internal, asOf: input.asOf ?? '2026-10-31', domain: input.domain ?? 'cash', config });
}

/** The one break the records make; throws when the matching stage made none or several. */
export function contextOf(input: KitInput): BreakContext {
  const contexts = contextsOf(input);
  if (contexts.length !== 1) throw new Error(`expected exactly one break, got ${contexts.length}: ${contexts.map((c) => `${c.shape}[${[...c.external, ...c.internal].map((r) => r.id).join(',')}]`).join(' ')}`);
  return contexts[0]!;
}
