/**
 * A partitioned run's totals: the partitions' runs summed — counts added
 * field by field (match passes, break types, sources, fallbacks), tokens and
 * cost added exactly — with each partition's run id and status kept, so the
 * run's detail leads to the exceptions of every partition.
 */
import { inArray } from 'drizzle-orm';
import type { RunTotals } from '../../core/ports/run-store.ts';
import { addAmounts } from '../../core/money/money.ts';
import type { Database } from '../../db/client.ts';
import { runs } from '../../db/schema/runs.ts';

type Stats = Record<string, unknown>;

/** Numbers added, nested objects summed key by key; anything else keeps the first value. */
export function addStats(a: Stats, b: Stats): Stats {
  const out: Stats = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    if (typeof v === 'number') out[k] = (typeof prev === 'number' ? prev : 0) + v;
    else if (v && typeof v === 'object' && !Array.isArray(v)) out[k] = addStats(prev && typeof prev === 'object' && !Array.isArray(prev) ? (prev as Stats) : {}, v as Stats);
    else if (!(k in out)) out[k] = v;
  }
  return out;
}

export async function sumRuns(db: Database, partitions: readonly { key: string; runId: string }[]): Promise<RunTotals> {
  const rows = await db.select().from(runs).where(inArray(runs.id, partitions.map((p) => p.runId)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  let stats: Stats = {};
  let tokensIn = 0;
  let tokensOut = 0;
  let cost = '0';
  const list = partitions.map((p) => {
    const row = byId.get(p.runId);
    if (row) {
      stats = addStats(stats, row.stats);
      tokensIn += row.tokensIn;
      tokensOut += row.tokensOut;
      cost = addAmounts(cost, row.cost);
    }
    return { key: p.key, runId: p.runId, status: row?.status ?? 'missing', breaks: typeof row?.stats.breaks === 'number' ? row.stats.breaks : 0 };
  });
  const failed = list.filter((p) => p.status !== 'completed');
  return {
    status: failed.length === 0 ? 'completed' : 'failed',
    // durationMs sums the partitions' work; the run's wall time is its started and finished times.
    stats: { ...stats, partitions: list },
    tokensIn,
    tokensOut,
    cost,
    ...(failed.length > 0 ? { error: `partitions not completed: ${failed.map((p) => `${p.key} (${p.status})`).join(', ')}` } : {}),
  };
}
