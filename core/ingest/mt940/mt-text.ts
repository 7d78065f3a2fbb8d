/**
 * Whitespace handling shared by the MT readers, on index ranges so the hot
 * path slices once instead of trimming and rewriting intermediate strings.
 */

const SPACE = /\s/;
const SPACES = /\s+/g;
const EMPTY_VALUE = /^(NONREF|NOTPROVIDED)$/i;

/** What `\s` matches, which is also what String#trim removes. */
export function isSpaceAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE.test(s[i]!));
}

/** `s[start, end)` with whitespace runs as one space, trimmed (what `\s+` → " " and trim give). */
export function squashRange(s: string, start: number, end: number): string {
  while (start < end && isSpaceAt(s, start)) start++;
  while (end > start && isSpaceAt(s, end - 1)) end--;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c < 128) continue;
    // Only a space before another space, or another kind of whitespace, needs rewriting.
    if (c === 32 ? isSpaceAt(s, i + 1) : c < 32 ? c >= 9 && c <= 13 : isSpaceAt(s, i)) return s.slice(start, end).replace(SPACES, ' ');
  }
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

export const squash = (s: string): string => squashRange(s, 0, s.length);

/** An already squashed value, or undefined when empty or a placeholder such as NONREF. */
export function usefulSquashed(v: string | undefined): string | undefined {
  return v !== undefined && v !== '' && !((v.length === 6 || v.length === 11) && EMPTY_VALUE.test(v)) ? v : undefined;
}

/** Squashed, or undefined when empty or a placeholder such as NONREF. */
export const useful = (s: string | undefined): string | undefined => (s === undefined ? undefined : usefulSquashed(squash(s)));
