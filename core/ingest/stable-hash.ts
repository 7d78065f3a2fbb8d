/**
 * A fast, deterministic 64-bit string hash (two 32-bit multiply-xor lanes
 * with a murmur-style finish) for record ids. Not cryptographic: ids only need
 * to be stable, and callers put the entry's date beside the hash, so a clash
 * would need two different entries of one account on one day with equal
 * 64-bit hashes. It runs once per imported record; core stays free of Node's
 * crypto module.
 */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Byte → two hex digits; formatting through a table is several times faster than toString(16). */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex32 = (n: number): string => HEX[n >>> 24]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;

const A0 = 0x811c9dc5;
const B0 = 0x9e3779b9;

export function stableHash(text: string): string {
  let a = A0;
  let b = B0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a = Math.imul(a ^ ch, 0x01000193);
    b = Math.imul(b ^ ch, 0x5bd1e995);
  }
  return hex32(mix(a ^ text.length)) + hex32(mix(b ^ a));
}

const PIPE = 124;

/** 16-bit value → four hex digits, built on first use: a key then takes its hash as four ready pieces. */
let hex16: string[] | undefined;
function hexQuads(): string[] {
  hex16 ??= Array.from({ length: 65536 }, (_, i) => HEX[i >>> 8]! + HEX[i & 255]!);
  return hex16;
}

/**
 * Exactly `stableHash(parts.join('|'))`, without building the joined string:
 * the lanes see the same characters in the same order (the separator between
 * parts included) and the same total length, so ids stay what they were.
 */
export function stableHashJoined(parts: readonly string[]): string {
  const hash = new JoinedHash();
  for (const part of parts) hash.add(part);
  const out = ['', '', '', ''];
  hash.writeTo(out, 0);
  return out.join('');
}

/**
 * `stableHashJoined` fed one part at a time, so a caller can check each part
 * while the hash reads it (`addPlain`) instead of reading it twice.
 */
export class JoinedHash {
  private a = A0;
  private b = B0;
  private length = 0;
  private parts = 0;

  begin(): void {
    this.a = A0;
    this.b = B0;
    this.length = 0;
    this.parts = 0;
  }

  /** The next part, after a "|" unless it is the first. */
  add(text: string): void {
    let a = this.a;
    let b = this.b;
    if (this.parts++ > 0) {
      a = Math.imul(a ^ PIPE, 0x01000193);
      b = Math.imul(b ^ PIPE, 0x5bd1e995);
      this.length += 1;
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      a = Math.imul(a ^ ch, 0x01000193);
      b = Math.imul(b ^ ch, 0x5bd1e995);
    }
    this.a = a;
    this.b = b;
    this.length += text.length;
  }

  /**
   * Adds `text` ('' for undefined) if it is plain: 1 to `max` characters of
   * printable ASCII, single spaces only between others, so trimming and
   * collapsing whitespace would leave it as it is. Returns false otherwise,
   * and the hash must then be begun again.
   */
  addPlain(text: string | undefined, max: number): boolean {
    if (text === undefined) {
      this.add('');
      return true;
    }
    const n = text.length;
    if (n === 0 || n > max) return false;
    let a = this.a;
    let b = this.b;
    if (this.parts++ > 0) {
      a = Math.imul(a ^ PIPE, 0x01000193);
      b = Math.imul(b ^ PIPE, 0x5bd1e995);
      this.length += 1;
    }
    for (let i = 0; i < n; i++) {
      const ch = text.charCodeAt(i);
      if (ch < 33 || ch > 126) {
        if (ch !== 32 || i === 0 || i === n - 1) return false;
        const next = text.charCodeAt(i + 1);
        if (next < 33 || next > 126) return false;
      }
      a = Math.imul(a ^ ch, 0x01000193);
      b = Math.imul(b ^ ch, 0x5bd1e995);
    }
    this.a = a;
    this.b = b;
    this.length += n;
    return true;
  }

  /** The hash as four 4-digit pieces at `into[at]` … `into[at + 3]`, for a caller that joins them into a key. */
  writeTo(into: string[], at: number): void {
    const high = mix(this.a ^ this.length);
    const low = mix(this.b ^ this.a);
    const quads = hexQuads();
    into[at] = quads[high >>> 16]!;
    into[at + 1] = quads[high & 0xffff]!;
    into[at + 2] = quads[low >>> 16]!;
    into[at + 3] = quads[low & 0xffff]!;
  }
}

/** How many trailing characters of a key its fingerprint reads. */
const TAIL = 16;

/**
 * A key's fingerprint: its length and its last characters. Record keys end in
 * a 64-bit content hash or the bank's reference, so the tail tells keys apart
 * as well as the whole key would, at a fraction of the reading; and being a
 * function of the key alone, equal keys always share it.
 */
function fingerprint(key: string): number {
  let h = Math.imul(key.length, 0x9e3779b1);
  for (let i = key.length > TAIL ? key.length - TAIL : 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return mix(h) | 0;
}

/** Beyond this a guess sizes no larger table: 2^23 slots are 64 MB. */
const MAX_EXPECTED = 1 << 22;

/**
 * Counts how often each key has been given out. A `Map` of a million record
 * keys spends most of an import's id time hashing whole keys and growing its
 * table; this open-addressing table probes by fingerprint and compares whole
 * keys only when fingerprints agree (a repeat, or a rare 32-bit clash).
 */
export class KeyCounter {
  /** Pairs of (fingerprint, key number + 1; 0 for an empty slot), side by side so a probe touches one cache line. */
  private table: Int32Array;
  private readonly keys: string[] = [];
  /** Only for keys seen more than once: the occurrence number the next repeat gets. */
  private readonly repeats = new Map<string, number>();

  /**
   * `expected`, a guess at how many keys will come, sizes the table once:
   * growing it rehashes every key so far, a million-key file would do so ten
   * times. A wrong guess costs only memory (too high) or a later growth (too low).
   */
  constructor(expected = 0) {
    let slots = 1024;
    while (slots < 2 * Math.min(expected, MAX_EXPECTED)) slots *= 2;
    this.table = new Int32Array(2 * slots);
  }

  /** How many times `key` was seen before this call (0 for a new key). */
  count(key: string): number {
    const print = fingerprint(key);
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    let at = print & mask;
    for (let slot = table[2 * at + 1]!; slot !== 0; slot = table[2 * at + 1]!) {
      if (table[2 * at] === print && this.keys[slot - 1] === key) {
        const seen = this.repeats.get(key) ?? 1;
        this.repeats.set(key, seen + 1);
        return seen;
      }
      at = (at + 1) & mask;
    }
    this.keys.push(key);
    table[2 * at] = print;
    table[2 * at + 1] = this.keys.length;
    // At most half full, so probes stay short.
    if (this.keys.length * 4 > table.length) this.grow();
    return 0;
  }

  private grow(): void {
    const old = this.table;
    const table = new Int32Array(old.length * 2);
    const mask = (table.length >> 1) - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] === 0) continue;
      let at = old[i]! & mask;
      while (table[2 * at + 1] !== 0) at = (at + 1) & mask;
      table[2 * at] = old[i]!;
      table[2 * at + 1] = old[i + 1]!;
    }
    this.table = table;
  }
}
