/**
 * Pass 4 — one record against several on the other side (batch deposit,
 * instalments): a bounded subset-sum inside the date window and a block of
 * records that share the counterparty or the reference. The search reports
 * whether it finished or stopped at its bound.
 */
import { normalizeReference } from '../records/normalize-reference.ts';
import type { MatchConfig } from './match-config.ts';
import type { PreparedRecord } from './prepared-record.ts';
import { textSimilarity } from './text-similarity.ts';

export interface AggregateGroup {
  readonly one: PreparedRecord;
  readonly many: PreparedRecord[];
  /** The one record is external (1:N) or internal (N:1). */
  readonly oneSide: 'external' | 'internal';
  /** The search ran to the end for this record (false: it hit the node budget). */
  readonly complete: boolean;
}

export const MAX_GROUP_SIZE = 6;
export const NODE_BUDGET = 20_000;

function inBlock(one: PreparedRecord, other: PreparedRecord, config: MatchConfig): boolean {
  if (one.ref !== '' && one.ref === other.ref) return true;
  const cp = normalizeReference(one.record.counterparty);
  return cp !== '' && textSimilarity(one.record.counterparty, other.record.counterparty) >= config.similarityThreshold;
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

export function aggregateGroups(ones: readonly PreparedRecord[], others: readonly PreparedRecord[], oneSide: 'external' | 'internal', used: Set<string>, config: MatchConfig): AggregateGroup[] {
  const groups: AggregateGroup[] = [];
  const byCurrency = new Map<string, PreparedRecord[]>();
  for (const o of others) (byCurrency.get(o.currency) ?? byCurrency.set(o.currency, []).get(o.currency)!).push(o);
  for (const one of ones) {
    if (used.has(one.id) || one.amount === 0n) continue;
    const candidates = (byCurrency.get(one.currency) ?? [])
      .filter(
        (o) =>
          !used.has(o.id) &&
          (o.amount < 0n) === (one.amount < 0n) &&
          o.amount !== 0n &&
          (o.amount < 0n ? o.amount > one.amount : o.amount < one.amount) &&
          Math.abs(o.day - one.day) <= config.dateWindowDays &&
          inBlock(one, o, config),
      )
      .sort((a, b) => (a.amount === b.amount ? a.rank - b.rank : (b.amount < 0n ? -b.amount : b.amount) > (a.amount < 0n ? -a.amount : a.amount) ? 1 : -1));
    if (candidates.length < 2) continue;
    const { subset, complete } = findSubset(one.amount, candidates);
    if (!subset) continue;
    for (const r of [one, ...subset]) used.add(r.id);
    groups.push({ one, many: subset.sort((a, b) => a.rank - b.rank), oneSide, complete });
  }
  return groups;
}
