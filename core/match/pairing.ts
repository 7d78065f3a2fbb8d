/**
 * Exclusive pairing of candidates, strongest first, that never picks silently:
 * when a record has two or more equally good counterparts that differ from
 * each other, all of them become one ambiguous group. Counterparts that are
 * copies of one item are interchangeable, and the earliest copy is taken — the
 * later ones are the duplicates, whatever their dates.
 */
import { isCopy, type PreparedRecord } from './prepared-record.ts';

export interface Candidate {
  readonly external: PreparedRecord;
  readonly internal: PreparedRecord;
  readonly score: number;
}

export interface PairingResult {
  readonly pairs: Candidate[];
  readonly ambiguous: { external: PreparedRecord[]; internal: PreparedRecord[] }[];
}

const EPSILON = 1e-9;

export function pairCandidates(candidates: readonly Candidate[], used: Set<string>): PairingResult {
  const sorted = [...candidates].sort((a, b) => b.score - a.score || a.external.rank - b.external.rank || a.internal.rank - b.internal.rank);
  const byExternal = new Map<string, Candidate[]>();
  const byInternal = new Map<string, Candidate[]>();
  for (const c of sorted) {
    (byExternal.get(c.external.id) ?? byExternal.set(c.external.id, []).get(c.external.id)!).push(c);
    (byInternal.get(c.internal.id) ?? byInternal.set(c.internal.id, []).get(c.internal.id)!).push(c);
  }
  const pairs: Candidate[] = [];
  const ambiguous: PairingResult['ambiguous'] = [];
  const earliest = (list: readonly Candidate[], pick: (o: Candidate) => PreparedRecord, like: PreparedRecord) =>
    list.filter((o) => !used.has(pick(o).uid) && isCopy(pick(o), like)).reduce((best, o) => (pick(o).rank < pick(best).rank ? o : best));
  for (const candidate of sorted) {
    if (used.has(candidate.external.uid) || used.has(candidate.internal.uid)) continue;
    // The common case: each record has this one candidate only.
    if (byExternal.get(candidate.external.id)!.length === 1 && byInternal.get(candidate.internal.id)!.length === 1) {
      pairs.push(candidate);
      used.add(candidate.external.uid);
      used.add(candidate.internal.uid);
      continue;
    }
    // Among copies of the same item on either side, the earliest pairs first.
    const viaInternal = earliest(byExternal.get(candidate.external.id)!, (o) => o.internal, candidate.internal);
    const c = earliest(byInternal.get(viaInternal.internal.id)!, (o) => o.external, viaInternal.external);
    const rivalsOfExternal = (byExternal.get(c.external.id) ?? []).filter(
      (o) => o !== c && !used.has(o.internal.uid) && Math.abs(o.score - c.score) < EPSILON && !isCopy(o.internal, c.internal),
    );
    const rivalsOfInternal = (byInternal.get(c.internal.id) ?? []).filter(
      (o) => o !== c && !used.has(o.external.uid) && Math.abs(o.score - c.score) < EPSILON && !isCopy(o.external, c.external),
    );
    if (rivalsOfExternal.length === 0 && rivalsOfInternal.length === 0) {
      pairs.push(c);
      used.add(c.external.uid);
      used.add(c.internal.uid);
      continue;
    }
    const external = [c.external, ...rivalsOfInternal.map((o) => o.external)];
    const internal = [c.internal, ...rivalsOfExternal.map((o) => o.internal)];
    for (const r of [...external, ...internal]) used.add(r.uid);
    ambiguous.push({ external: external.sort((a, b) => a.rank - b.rank), internal: internal.sort((a, b) => a.rank - b.rank) });
  }
  return { pairs, ambiguous };
}
