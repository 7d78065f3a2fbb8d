/**
 * The provenance record of a camt entry: every non-blank source field under
 * its path ("Amt", "Amt@Ccy", "TxDtls/RmtInf/Ustrd"), as reviewers see it.
 *
 * Entries of one file share a handful of layouts, so the record is made by
 * copying one of the last records of the same layout (a single allocation of
 * the right size with the keys in place) and overwriting its values, rather
 * than growing a new object key by key.
 */
import type { FieldBag } from './camt-collector.ts';

interface Layout {
  readonly ids: number[];
  readonly record: Readonly<Record<string, string>>;
}

const LAYOUTS = 8;

export class ProvenanceBuilder {
  private readonly keys: string[] = [];
  private readonly values: string[] = [];
  private readonly ids: number[] = [];
  private readonly layouts: Layout[] = [];
  private next = 0;

  build(entry: FieldBag, tx: FieldBag | undefined): Record<string, string> {
    let n = entry.gather(this.keys, this.values, this.ids, 0, false);
    if (tx) n = tx.gather(this.keys, this.values, this.ids, n, true);
    const keys = this.keys;
    const values = this.values;
    const layout = this.find(n);
    const raw: Record<string, string> = layout === undefined ? {} : { ...layout.record };
    for (let i = 0; i < n; i++) raw[keys[i]!] = values[i]!;
    if (layout === undefined) {
      // Remember this layout in place of the oldest one. The JSON round trip yields an object holding
      // all its keys inline (a grown one keeps most in a separate array), so every copy is one allocation.
      this.layouts[this.next] = { ids: this.ids.slice(0, n), record: JSON.parse(JSON.stringify(raw)) as Record<string, string> };
      this.next = (this.next + 1) % LAYOUTS;
    }
    return raw;
  }

  private find(n: number): Layout | undefined {
    const ids = this.ids;
    for (const layout of this.layouts) {
      const known = layout.ids;
      if (known.length !== n) continue;
      let i = 0;
      while (i < n && known[i] === ids[i]) i++;
      if (i === n) return layout;
    }
    return undefined;
  }
}
