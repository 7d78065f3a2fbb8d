/**
 * Reviewer memory gives last month's approved resolution for a break with the
 * same fingerprint. Its record ids and dated values belong to last month's
 * records; this rebinds them to the break at hand, position for position, so
 * the resolution can be verified against the records that are really there.
 */
import type { CanonicalRecord } from '../records/canonical-record.ts';
import type { Resolution } from '../taxonomy/actions.ts';
import type { BreakContext } from './break-context.ts';

const ids = (records: readonly CanonicalRecord[]) => records.map((r) => r.id);

function fieldValue(record: CanonicalRecord | undefined, field: string): string | undefined {
  const value = record ? (record as unknown as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value : undefined;
}

export function rebindResolution(resolution: Resolution, context: BreakContext): Resolution {
  switch (resolution.action) {
    case 'match_with_adjustment':
      return { ...resolution, external: ids(context.external), internal: ids(context.internal), currency: context.currency ?? resolution.currency };
    case 'confirm_match':
      return { ...resolution, external: ids(context.external), internal: ids(context.internal) };
    case 'post_journal':
      return { ...resolution, currency: context.currency ?? resolution.currency };
    case 'reverse_entry': {
      // The copy to reverse is the later internal record (the last in canonical order).
      const target = context.internal.at(-1) ?? context.external.at(-1);
      return target ? { ...resolution, recordId: target.id } : resolution;
    }
    case 'correct_entry': {
      const internal = context.internal[0];
      const external = context.external[0];
      const from = fieldValue(internal, resolution.field) ?? resolution.from;
      const to = fieldValue(external, resolution.field) ?? resolution.to;
      return internal ? { ...resolution, recordId: internal.id, from, to } : resolution;
    }
    default:
      return resolution;
  }
}
