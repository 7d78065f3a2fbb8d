/** Benchmark output: one aligned line per measurement, plus peak memory. */
export interface Measurement {
  readonly bench: string;
  readonly case: string;
  readonly count: number;
  readonly unit: string;
  readonly seconds: number;
  readonly perSecond: number;
}

export function report(m: Measurement): void {
  const rss = Math.round(process.memoryUsage().rss / 1024 / 1024);
  process.stdout.write(
    `${m.bench.padEnd(7)} ${m.case.padEnd(16)} ${String(m.count).padStart(9)} ${m.unit.padEnd(12)} ${m.seconds.toFixed(2).padStart(7)} s ${Math.round(m.perSecond).toLocaleString('en-US').padStart(11)}/s  rss ${rss} MB\n`,
  );
}
