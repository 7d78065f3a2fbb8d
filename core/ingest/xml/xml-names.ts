/**
 * Element names interned by a hash computed while the tokenizer scans them:
 * a known name costs no allocation, and the same name is always the same
 * (internalized) string, so consumers compare names by identity.
 *
 * The table also learns element order — which name came first inside an
 * element, and which followed a given sibling — so the tokenizer can check
 * its guess for the next tag in one comparison instead of scanning and
 * hashing the name. Statements repeat one entry layout, so guesses mostly hold.
 */
import { internalized, localName, sameAt } from './xml-syntax.ts';

const SLOTS = 1024;
/** At most this many names are interned; beyond, the tokenizer's general path handles new names. */
const MAX_NAMES = 768;

export class NameTable {
  /** Hash slot → name index, -1 when free. */
  private readonly slots = new Int32Array(SLOTS).fill(-1);
  private readonly hashes: number[] = [];
  /** Per name index: the qualified name as written, and its local name (prefix dropped). */
  readonly qnames: string[] = [];
  readonly locals: string[] = [];
  /** Per name index: learned first child and next sibling (name indexes), -1 when unknown. */
  readonly firstChild: number[] = [];
  readonly nextSibling: number[] = [];

  /** The index of the name at b[start, end) with the given hash, adding it; -1 when the table is full. */
  indexOf(b: string, start: number, end: number, hash: number): number {
    const length = end - start;
    let slot = hash & (SLOTS - 1);
    for (;;) {
      const index = this.slots[slot]!;
      if (index === -1) break;
      const q = this.qnames[index]!;
      if (this.hashes[index] === hash && q.length === length && sameAt(b, start, q)) return index;
      slot = (slot + 1) & (SLOTS - 1);
    }
    if (this.qnames.length >= MAX_NAMES) return -1;
    const index = this.qnames.length;
    const qname = internalized(b.slice(start, end));
    this.slots[slot] = index;
    this.hashes.push(hash);
    this.qnames.push(qname);
    this.locals.push(internalized(localName(qname)));
    this.firstChild.push(-1);
    this.nextSibling.push(-1);
    return index;
  }
}
