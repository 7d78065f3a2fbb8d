/**
 * SEPA keys (EREF+, SVWZ+, …) in the `?20`–`?29`, `?60`–`?63` purpose of a
 * `:86:` field. The purpose is the sub-fields joined without a separator; the
 * keys are read from the sub-fields where they stand, so the usual one-line
 * values are slices of the file text and the purpose string is only built
 * when a value is needed whole.
 */
import { squash, squashRange } from './mt-text.ts';

const SEPA_KEYS = ['EREF', 'KREF', 'MREF', 'CRED', 'DEBT', 'SVWZ', 'ABWA', 'ABWE', 'COAM', 'OAMT', 'BREF', 'RREF', 'IBAN', 'BIC'];
export const SEPA_KEY = new RegExp(`(${SEPA_KEYS.join('|')})\\+`, 'g');

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const code4 = (s: string, i: number): number => ((s.charCodeAt(i) << 24) | (s.charCodeAt(i + 1) << 16) | (s.charCodeAt(i + 2) << 8) | s.charCodeAt(i + 3)) >>> 0;
const SEPA_CODES = new Set(SEPA_KEYS.filter((k) => k.length === 4).map((k) => code4(k, 0)));
const EREF = code4('EREF', 0);
const KREF = code4('KREF', 0);
const MREF = code4('MREF', 0);
const SVWZ = code4('SVWZ', 0);
/** Char codes are checked first: a code of non-ASCII characters could alias a key. */
const isSepaKeyAt = (s: string, i: number): boolean =>
  isUpper(s.charCodeAt(i)) && isUpper(s.charCodeAt(i + 1)) && isUpper(s.charCodeAt(i + 2)) && isUpper(s.charCodeAt(i + 3)) && SEPA_CODES.has(code4(s, i));

/** The values the entry uses; later repeats of a key win. */
export interface SepaValues {
  keys: boolean;
  eref: string | undefined;
  kref: string | undefined;
  mref: string | undefined;
  svwz: string | undefined;
}

/** Purpose sub-fields as [start, end) pairs into the `:86:` text, in purpose order. */
export const MAX_SEGMENTS = 32;
export const segments = new Int32Array(2 * MAX_SEGMENTS);

/** The purpose as one string. */
export function purposeText(src: string, count: number): string {
  if (count === 0) return '';
  let out = src.slice(segments[0]!, segments[1]!);
  for (let k = 1; k < count; k++) out += src.slice(segments[2 * k]!, segments[2 * k + 1]!);
  return out;
}

/** A value from (segment a, position from) to (segment b, position to), squashed. */
function valueOf(src: string, a: number, from: number, b: number, to: number): string {
  if (a === b) return squashRange(src, from, to);
  let v = src.slice(from, segments[2 * a + 1]!);
  for (let k = a + 1; k < b; k++) v += src.slice(segments[2 * k]!, segments[2 * k + 1]!);
  return squash(v + src.slice(segments[2 * b]!, to));
}

function close(out: SepaValues, key: number, src: string, a: number, from: number, b: number, to: number): void {
  if (key === EREF) out.eref = valueOf(src, a, from, b, to);
  else if (key === KREF) out.kref = valueOf(src, a, from, b, to);
  else if (key === MREF) out.mref = valueOf(src, a, from, b, to);
  else if (key === SVWZ) out.svwz = valueOf(src, a, from, b, to);
}

/**
 * Reads the keys of `count` purpose segments of `src` into `out`. False when
 * a key may run across two sub-fields: the caller then reads the joined
 * purpose as one segment.
 */
export function readSepa(src: string, count: number, out: SepaValues): boolean {
  out.keys = false;
  out.eref = out.kref = out.mref = out.svwz = undefined;
  let valueKey = 0;
  let valueSegment = 0;
  let valueStart = 0;
  for (let k = 0; k < count; k++) {
    const start = segments[2 * k]!;
    const end = segments[2 * k + 1]!;
    for (let p = src.indexOf('+', start); p !== -1 && p < end; p = src.indexOf('+', p + 1)) {
      const offset = p - start;
      let keyStart: number;
      if (offset >= 4 && isSepaKeyAt(src, p - 4)) keyStart = p - 4;
      else if (offset >= 3 && src.startsWith('BIC', p - 3)) keyStart = p - 3;
      else if (k > 0 && offset < 4) return false;
      else continue;
      if (out.keys) close(out, valueKey, src, valueSegment, valueStart, k, keyStart);
      out.keys = true;
      valueKey = keyStart === p - 4 ? code4(src, keyStart) : 0;
      valueSegment = k;
      valueStart = p + 1;
    }
  }
  if (out.keys) close(out, valueKey, src, valueSegment, valueStart, count - 1, segments[2 * count - 1]!);
  return true;
}
