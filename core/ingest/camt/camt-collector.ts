/**
 * Collects the text of an element subtree as relative paths ("Amt",
 * "NtryDtls/TxDtls/Refs/EndToEndId") so that camt versions that move a field
 * one level down (Dbtr/Nm vs Dbtr/Pty/Nm) are read by trying both paths.
 */
export class FieldBag {
  private readonly values = new Map<string, string>();

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
      const v = this.values.get(p)?.replace(/\s+/g, ' ').trim();
      if (v) return v;
    }
    return undefined;
  }

  entries(): [string, string][] {
    return [...this.values.entries()].map(([k, v]) => [k, v.replace(/\s+/g, ' ').trim()]);
  }
}
