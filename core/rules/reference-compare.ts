/**
 * How two references differ, on their normalized forms (case, spaces and
 * punctuation removed, as the contract compares them): cut short by a field
 * length limit, mistyped (a small edit), or not related at all.
 */
import { normalizeReference } from '../records/normalize-reference.ts';

/** Levenshtein distance with adjacent transpositions counted as one edit (references are short). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0 || b.length === 0) return Math.max(a.length, b.length);
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, prevPrev[j - 2]! + 1);
      row.push(best);
    }
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

export type ReferenceRelation = 'equal' | 'truncated' | 'typo' | 'unrelated' | 'missing';

export function compareReferences(external: string | undefined, internal: string | undefined): ReferenceRelation {
  const x = normalizeReference(external);
  const y = normalizeReference(internal);
  if (x === '' || y === '') return 'missing';
  if (x === y) return 'equal';
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  if (short.length >= 3 && long.startsWith(short)) return 'truncated';
  // One or two edits on a reference of reasonable length is a typing slip, not another item.
  const distance = editDistance(x, y);
  return distance <= (long.length >= 8 ? 2 : 1) ? 'typo' : 'unrelated';
}
