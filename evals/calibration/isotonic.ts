/**
 * Isotonic regression by pool-adjacent-violators: the non-decreasing step
 * function from raw confidence to observed accuracy that fits the samples
 * best in squared error. Between two steps the mapping interpolates
 * linearly; above the last it holds the last value, below the first it
 * only ever lowers.
 */
export interface CalibrationPoint {
  /** Raw confidences covered by this step. */
  readonly from: number;
  readonly to: number;
  /** Observed accuracy of the step: the calibrated confidence. */
  readonly value: number;
  readonly count: number;
}

export function fitIsotonic(samples: readonly { confidence: number; right: boolean }[]): CalibrationPoint[] {
  const sorted = [...samples].sort((a, b) => a.confidence - b.confidence);
  // Equal confidences form one block first: they must map to one value.
  const blocks: { from: number; to: number; sum: number; count: number }[] = [];
  for (const s of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && last.to === s.confidence) {
      last.sum += s.right ? 1 : 0;
      last.count += 1;
    } else blocks.push({ from: s.confidence, to: s.confidence, sum: s.right ? 1 : 0, count: 1 });
  }
  const stack: typeof blocks = [];
  for (const b of blocks) {
    stack.push({ ...b });
    while (stack.length > 1 && stack[stack.length - 2]!.sum / stack[stack.length - 2]!.count >= stack[stack.length - 1]!.sum / stack[stack.length - 1]!.count) {
      const top = stack.pop()!;
      const below = stack[stack.length - 1]!;
      below.to = top.to;
      below.sum += top.sum;
      below.count += top.count;
    }
  }
  return stack.map((b) => ({ from: b.from, to: b.to, value: b.sum / b.count, count: b.count }));
}

/**
 * The calibrated confidence of a raw one. No points: unchanged. Below the
 * fitted range there is no evidence, so a confidence is never raised there
 * (the first step's value caps it): an answer the agents themselves doubt
 * must not come out sure because the calibration split held none like it.
 */
export function applyIsotonic(points: readonly CalibrationPoint[], raw: number): number {
  if (points.length === 0) return raw;
  if (raw < points[0]!.from) return Math.min(raw, points[0]!.value);
  if (raw <= points[0]!.to) return points[0]!.value;
  for (let i = 1; i < points.length; i++) {
    const p = points[i]!;
    if (raw < p.from) {
      const q = points[i - 1]!;
      return q.value + ((p.value - q.value) * (raw - q.to)) / (p.from - q.to);
    }
    if (raw <= p.to) return p.value;
  }
  return points[points.length - 1]!.value;
}
