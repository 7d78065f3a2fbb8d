/**
 * Exclusive pairing of candidates, strongest first, that never picks silently:
 * when a record has two or more equally good counterparts that differ from
 * each other, all of them become one ambiguous group. Counterparts that are
 * copies of one item are interchangeable, and the earliest copy is taken — the
 * later ones are the duplicates, whatever their dates.
 */
import { isCopy, type PreparedRecord } from './prepared-record.ts';
import type { UsedRecords } from './used-records.ts';

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

export function pairCandidates(candidates: readonly Candidate[], used: UsedRecords): PairingResult {
  const pairs: Candidate[] = [];
  const ambiguous: PairingResult['ambiguous'] = [];
  // Most records have exactly one candidate: those pairs conflict with nothing
  // and are taken at once, without sorting or grouping.
  const counts = new Uint32Array(used.capacity);
  for (const c of candidates) {
    counts[c.external.uid]! += 1;
    counts[c.internal.uid]! += 1;
  }
  const contested: Candidate[] = [];
  for (const c of candidates) {
    if (used.has(c.external.uid) || used.has(c.internal.uid)) continue;
    if (counts[c.external.uid] === 1 && counts[c.internal.uid] === 1) {
      pairs.push(c);
      used.add(c.external.uid);
      used.add(c.internal.uid);
    } else contested.push(c);
  }
  const sorted = contested.sort((a, b) => b.score - a.score || a.external.rank - b.external.rank || a.internal.rank - b.internal.rank);
  const byExternal = new Map<number, Candidate[]>();
  const byInternal = new Map<number, Candidate[]>();
  for (const c of sorted) {
    (byExternal.get(c.external.uid) ?? byExternal.set(c.external.uid, []).get(c.external.uid)!).push(c);
    (byInternal.get(c.internal.uid) ?? byInternal.set(c.internal.uid, []).get(c.internal.uid)!).push(c);
  }
  const earliest = (list: readonly Candidate[], pick: (o: Candidate) => PreparedRecord, like: PreparedRecord) =>
    list.filter((o) => !used.has(pick(o).uid) && isCopy(pick(o), like)).reduce((best, o) => (pick(o).rank < pick(best).rank ? o : best));
  for (const candidate of sorted) {
    if (used.has(candidate.external.uid) || used.has(candidate.internal.uid)) continue;
    // Among copies of the same item on either side, the earliest pairs first.
    const viaInternal = earliest(byExternal.get(candidate.external.uid)!, (o) => o.internal, candidate.internal);
    const c = earliest(byInternal.get(viaInternal.internal.uid)!, (o) => o.external, viaInternal.external);
    const rivalsOfExternal = byExternal
      .get(c.external.uid)!
      .filter((o) => o !== c && !used.has(o.internal.uid) && Math.abs(o.score - c.score) < EPSILON && !isCopy(o.internal, c.internal));
    const rivalsOfInternal = byInternal
      .get(c.internal.uid)!
      .filter((o) => o !== c && !used.has(o.external.uid) && Math.abs(o.score - c.score) < EPSILON && !isCopy(o.external, c.external));
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
