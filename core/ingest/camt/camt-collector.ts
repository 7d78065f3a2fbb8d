/**
 * Collects the text of an element subtree as relative paths ("Amt",
 * "NtryDtls/TxDtls/Refs/EndToEndId") so that camt versions that move a field
 * one level down (Dbtr/Nm vs Dbtr/Pty/Nm) are read by trying both paths.
 */
/** Trim and collapse runs of whitespace, skipping the regex for the usual clean value. */
function squash(v: string): string {
  const t = v.trim();
  return /\s\s|[\t\n\r]/.test(t) ? t.replace(/\s+/g, ' ') : t;
}

export class FieldBag {
  private readonly values = new Map<string, string>();

  /** An element opened: a repeated element's text is separated from the previous one's. */
  open(path: string): void {
    const existing = this.values.get(path);
    if (existing !== undefined) this.values.set(path, `${existing} `);
  }

  set(path: string, value: string): void {
    const existing = this.values.get(path);
    // Repeated elements (several Ustrd lines) are joined, not overwritten.
    this.values.set(path, existing === undefined ? value : `${existing} ${value}`);
  }

  append(path: string, value: string): void {
    this.values.set(path, (this.values.get(path) ?? '') + value);
  }

  get(...paths: string[]): string | undefined {
    for (const p of paths) {
      const raw = this.values.get(p);
      if (raw === undefined) continue;
      const v = squash(raw);
      if (v) return v;
    }
    return undefined;
  }

  entries(): [string, string][] {
    const out: [string, string][] = [];
    for (const [k, v] of this.values) {
      const value = squash(v);
      if (value) out.push([k, value]);
    }
    return out;
  }
}
