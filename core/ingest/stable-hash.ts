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

export function stableHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a = Math.imul(a ^ ch, 0x01000193);
    b = Math.imul(b ^ ch, 0x5bd1e995);
  }
  return hex32(mix(a ^ text.length)) + hex32(mix(b ^ a));
}
