/**
 * Matching scores of the contract: pairwise precision, recall and F1 over
 * (external id, internal id) pairs placed in the same match group, and the
 * records of expected breaks that were auto-matched anyway.
 */
export interface Groups {
  readonly external: readonly string[];
  readonly internal: readonly string[];
}

function pairs(groups: readonly Groups[]): Set<string> {
  const out = new Set<string>();
  for (const g of groups) for (const e of g.external) for (const i of g.internal) out.add(`${e}\u0000${i}`);
  return out;
}

export interface MatchingScore {
  readonly truePositives: number;
  readonly predicted: number;
  readonly expected: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Records the truth puts in a break that the prediction auto-matched. */
  readonly breakRecordsMatched: readonly string[];
}

export function scoreMatching(predicted: readonly Groups[], expected: readonly Groups[], expectedBreaks: readonly Groups[]): MatchingScore {
  const p = pairs(predicted);
  const e = pairs(expected);
  let tp = 0;
  for (const x of p) if (e.has(x)) tp += 1;
  const precision = p.size === 0 ? 1 : tp / p.size;
  const recall = e.size === 0 ? 1 : tp / e.size;
  const matched = new Set(predicted.flatMap((g) => [...g.external.map((id) => `e:${id}`), ...g.internal.map((id) => `i:${id}`)]));
  const breakRecordsMatched = expectedBreaks.flatMap((b) => [...b.external.map((id) => `e:${id}`), ...b.internal.map((id) => `i:${id}`)]).filter((id) => matched.has(id));
  return { truePositives: tp, predicted: p.size, expected: e.size, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), breakRecordsMatched };
}

/** Pairwise scores summed over many cases (micro-averaged), with the leaked break records named per case. */
export function scoreMatchingOverCases(
  cases: readonly { id: string; expected: { matches: readonly Groups[]; breaks: readonly Groups[] } }[],
  predict: (caseIndex: number) => readonly Groups[],
): { precision: number; recall: number; leaked: string[] } {
  let tp = 0;
  let predicted = 0;
  let expected = 0;
  const leaked: string[] = [];
  cases.forEach((c, index) => {
    const score = scoreMatching(predict(index), c.expected.matches, c.expected.breaks);
    tp += score.truePositives;
    predicted += score.predicted;
    expected += score.expected;
    leaked.push(...score.breakRecordsMatched.map((id) => `${c.id}:${id}`));
  });
  return { precision: predicted === 0 ? 1 : tp / predicted, recall: expected === 0 ? 1 : tp / expected, leaked };
}
