/**
 * A short, stable, dependency-free hash of a string (FNV-1a, 64 bits, as two
 * 32-bit halves): the same text gives the same hex on every machine and run.
 * Not cryptographic: keys for caches and memory, not for security.
 */
export function stableTextHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ ((c * 31) & 0xffff), 0x01000193) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
