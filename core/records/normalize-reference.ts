/**
 * Reference comparison as the taxonomy contract defines it: equal after
 * normalizing case, spaces and punctuation ("INV-1001" = "inv 1001" = "Inv.1001").
 */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function normalizeReference(value: string | undefined | null): string {
  if (!value) return '';
  // Most references are plain ASCII: skip Unicode decomposition for them.
  if (PRINTABLE_ASCII.test(value)) return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export function referencesEqual(a: string | undefined | null, b: string | undefined | null): boolean {
  const x = normalizeReference(a);
  return x.length > 0 && x === normalizeReference(b);
}
