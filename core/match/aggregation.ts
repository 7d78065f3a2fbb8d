/**
 * Pass 4 — one record against several on the other side (batch deposit,
 * instalments): a bounded subset-sum inside the date window and a block of
 * records that share the counterparty or the reference — tolerantly, by their
 * cores (block-keys.ts), because instalments carry suffixes and banks print
 * aliases — through a hash index: no record is compared with every other. The
 * search reports whether it finished or stopped at its bound, and on which
 * shared key its group was found.
 */
import { counterpartyCore, referenceCore } from './block-keys.ts';
import type { MatchConfig } from './match-config.ts';
import type { PreparedRecord } from './prepared-record.ts';
import type { UsedRecords } from './used-records.ts';

export interface AggregateGroup {
  readonly one: PreparedRecord;
  readonly many: PreparedRecord[];
  /** The one record is external (1:N) or internal (N:1). */
  readonly oneSide: 'external' | 'internal';
  /** The search ran to the end for this record (false: it hit the node budget). */
  readonly complete: boolean;
  /** What every member shares with the one record, for the evidence: "reference INV68136", "counterparty ACME". */
  readonly sharedKey: string;
}

export const MAX_GROUP_SIZE = 6;
export const NODE_BUDGET = 2_000;
/** Only the nearest candidates by date take part: blocks of a frequent counterparty can be large. */
export const MAX_CANDIDATES = 40;

interface Cores {
  readonly ref: string;
  readonly party: string;
  /** Block key prefixes (currency, direction, core); the day is appended per bucket. */
  readonly prefixes: readonly string[];
}

/**
 * Blocks: records sharing a reference core or a counterparty core can form a
 * group; bucketed by day and direction, each bucket sorted largest first.
 */
function coresOf(r: PreparedRecord, parties: Map<string, string>): Cores {
  const ref = referenceCore(r.record.reference, r.ref);
  // Counterparty names repeat across a statement: each distinct name is reduced once.
  const name = r.record.counterparty ?? '';
  let party = parties.get(name);
  if (party === undefined) parties.set(name, (party = counterpartyCore(name)));
  const sign = r.amount < 0n ? '-' : '+';
  const prefixes: string[] = [];
  if (ref !== '') prefixes.push(`${r.currency}|${sign}|r|${ref}|`);
  if (party !== '') prefixes.push(`${r.currency}|${sign}|p|${party}|`);
  return { ref, party, prefixes };
}

function sharedKey(one: Cores, many: readonly Cores[]): string {
  const shared: string[] = [];
  if (one.ref !== '' && many.every((m) => m.ref === one.ref)) shared.push(`reference ${one.ref}`);
  if (one.party !== '' && many.every((m) => m.party === one.party)) shared.push(`counterparty ${one.party}`);
  return shared.length > 0 ? shared.join(' and ') : 'reference or counterparty';
}

const magnitude = (r: PreparedRecord) => (r.amount < 0n ? -r.amount : r.amount);
const largestFirst = (a: PreparedRecord, b: PreparedRecord) => (magnitude(a) === magnitude(b) ? a.rank - b.rank : magnitude(b) > magnitude(a) ? 1 : -1);

/** Index of the first record in a largest-first bucket that is smaller than `limit`. */
function firstBelow(bucket: readonly PreparedRecord[], limit: bigint): number {
  let lo = 0;
  let hi = bucket.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (magnitude(bucket[mid]!) >= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Depth-first subset-sum over candidates sorted by size; stops at the first exact tie or the budget. */
function findSubset(target: bigint, candidates: readonly PreparedRecord[]): { subset: PreparedRecord[] | undefined; complete: boolean } {
  let nodes = 0;
  const chosen: PreparedRecord[] = [];
  const negative = target < 0n;
  const size = (r: PreparedRecord) => (negative ? -r.amount : r.amount);
  const goal = negative ? -target : target;
  // Suffix sums let the search drop branches that can no longer reach the goal.
  const suffix: bigint[] = new Array(candidates.length + 1).fill(0n);
  for (let i = candidates.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1]! + size(candidates[i]!);
  const search = (start: number, remaining: bigint): boolean => {
    if (remaining === 0n) return chosen.length >= 2;
    if (chosen.length >= MAX_GROUP_SIZE || nodes >= NODE_BUDGET) return false;
    for (let i = start; i < candidates.length; i++) {
      nodes += 1;
      if (nodes >= NODE_BUDGET) return false;
      const c = candidates[i]!;
      if (suffix[i]! < remaining) return false;
      if (size(c) > remaining) continue;
      chosen.push(c);
      if (search(i + 1, remaining - size(c))) return true;
      chosen.pop();
    }
    return false;
  };
  const found = search(0, goal);
  return { subset: found ? [...chosen] : undefined, complete: nodes < NODE_BUDGET };
}

export function aggregateGroups(ones: readonly PreparedRecord[], others: readonly PreparedRecord[], oneSide: 'external' | 'internal', used: UsedRecords, config: MatchConfig): AggregateGroup[] {
  const groups: AggregateGroup[] = [];
  const parties = new Map<string, string>();
  const byBlock = new Map<string, PreparedRecord[]>();
  for (const o of others) {
    if (o.amount === 0n) continue;
    for (const prefix of coresOf(o, parties).prefixes) {
      const k = prefix + o.day;
      (byBlock.get(k) ?? byBlock.set(k, []).get(k)!).push(o);
    }
  }
  for (const bucket of byBlock.values()) bucket.sort(largestFirst);
  for (const one of ones) {
    if (used.has(one.uid) || one.amount === 0n) continue;
    const own = coresOf(one, parties);
    // Walk outwards from the record's own day and stop at the nearest
    // MAX_CANDIDATES that qualify; buckets are sorted, so only records smaller
    // than this one are visited.
    const limit = magnitude(one);
    const picked = new Set<PreparedRecord>();
    for (let step = 0; step <= 2 * config.dateWindowDays && picked.size < MAX_CANDIDATES; step++) {
      const day = one.day + (step % 2 === 0 ? step / 2 : -(step + 1) / 2);
      for (const prefix of own.prefixes) {
        const bucket = byBlock.get(prefix + day);
        if (!bucket) continue;
        for (let j = firstBelow(bucket, limit); j < bucket.length && picked.size < MAX_CANDIDATES; j++) {
          if (!used.has(bucket[j]!.uid)) picked.add(bucket[j]!);
        }
      }
    }
    // The search wants the largest amounts first.
    const candidates = [...picked].sort(largestFirst);
    if (candidates.length < 2) continue;
    const { subset, complete } = findSubset(one.amount, candidates);
    if (!subset) continue;
    for (const r of [one, ...subset]) used.add(r.uid);
    groups.push({ one, many: subset.sort((a, b) => a.rank - b.rank), oneSide, complete, sharedKey: sharedKey(own, subset.map((m) => coresOf(m, parties))) });
  }
  return groups;
}
