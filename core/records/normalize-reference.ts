/**
 * Text comparison as the taxonomy contract defines it for references: equal
 * after normalizing case, spaces and punctuation ("INV-1001" = "inv 1001" =
 * "Inv.1001"). Accents are folded too ("é" → "E"), because the same reference
 * passes through systems that strip them (SWIFT MT character sets) and
 * systems that keep them.
 */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Upper-case letters and digits only: case, whitespace, punctuation, symbols
 * and accents removed; compatibility forms folded (full-width "１２" → "12").
 * Missing text normalizes to "".
 */
export function normalizeText(value: string | undefined | null): string {
  if (!value) return '';
  // Most references are plain ASCII: skip Unicode decomposition for them (this runs per record, per pass).
  if (PRINTABLE_ASCII.test(value)) return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The name the matching engine uses; the same normalization. */
export const normalizeReference = normalizeText;

/**
 * Whether two references are the same after normalizing. Two references that
 * normalize to nothing ("", "--", missing) are not evidence of anything, so
 * they are never equal.
 */
export function referencesEqual(a: string | undefined | null, b: string | undefined | null): boolean {
  const x = normalizeText(a);
  return x.length > 0 && x === normalizeText(b);
}
