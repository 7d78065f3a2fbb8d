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

/**
 * Exactly `stableHash(parts.join('|'))`, without building the joined string:
 * the lanes see the same characters in the same order (the separator between
 * parts included) and the same total length, so ids stay what they were.
 */
export function stableHashJoined(parts: readonly string[]): string {
  let a = A0;
  let b = B0;
  let length = parts.length > 0 ? parts.length - 1 : 0;
  for (let p = 0; p < parts.length; p++) {
    if (p > 0) {
      a = Math.imul(a ^ PIPE, 0x01000193);
      b = Math.imul(b ^ PIPE, 0x5bd1e995);
    }
    const text = parts[p]!;
    length += text.length;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      a = Math.imul(a ^ ch, 0x01000193);
      b = Math.imul(b ^ ch, 0x5bd1e995);
    }
  }
  return hex32(mix(a ^ length)) + hex32(mix(b ^ a));
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

/**
 * Counts how often each key has been given out. A `Map` of a million record
 * keys spends most of an import's id time hashing whole keys and growing its
 * table; this open-addressing table probes by fingerprint and compares whole
 * keys only when fingerprints agree (a repeat, or a rare 32-bit clash).
 */
export class KeyCounter {
  private slots = new Int32Array(1024);
  private prints = new Int32Array(1024);
  private readonly keys: string[] = [];
  /** Only for keys seen more than once: the occurrence number the next repeat gets. */
  private readonly repeats = new Map<string, number>();

  /** How many times `key` was seen before this call (0 for a new key). */
  count(key: string): number {
    const print = fingerprint(key);
    const mask = this.slots.length - 1;
    let at = print & mask;
    for (let slot = this.slots[at]!; slot !== 0; slot = this.slots[at]!) {
      if (this.prints[at] === print && this.keys[slot - 1] === key) {
        const seen = this.repeats.get(key) ?? 1;
        this.repeats.set(key, seen + 1);
        return seen;
      }
      at = (at + 1) & mask;
    }
    this.keys.push(key);
    this.slots[at] = this.keys.length;
    this.prints[at] = print;
    if (this.keys.length * 2 > this.slots.length) this.grow();
    return 0;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const prints = new Int32Array(slots.length);
    const mask = slots.length - 1;
    for (let i = 0; i < this.slots.length; i++) {
      const slot = this.slots[i]!;
      if (slot === 0) continue;
      let at = this.prints[i]! & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = slot;
      prints[at] = this.prints[i]!;
    }
    this.slots = slots;
    this.prints = prints;
  }
}
