/**
 * Similarity of references and names, 0–1, on their normalized forms:
 * Sørensen–Dice over character bigrams, robust to typos, truncation and word
 * order ("ACME GmbH" vs "Acme GmbH Berlin").
 */
import { normalizeReference } from '../records/normalize-reference.ts';

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const g = text.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

export function textSimilarity(a: string | undefined, b: string | undefined): number {
  const x = normalizeReference(a);
  const y = normalizeReference(b);
  if (x === '' || y === '') return 0;
  if (x === y) return 1;
  // A truncated reference is the start of the other ("INV-2026-10-1" vs "INV-2026-10-1234").
  if (x.length >= 6 && y.length >= 6 && (x.startsWith(y) || y.startsWith(x))) return 0.9;
  if (x.length < 2 || y.length < 2) return 0;
  const gx = bigrams(x);
  const gy = bigrams(y);
  let overlap = 0;
  for (const [g, n] of gx) overlap += Math.min(n, gy.get(g) ?? 0);
  return (2 * overlap) / (x.length - 1 + (y.length - 1));
}
