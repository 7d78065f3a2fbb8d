/**
 * Collects the text of an element subtree as relative paths ("Amt",
 * "NtryDtls/TxDtls/Refs/EndToEndId") so that camt versions that move a field
 * one level down (Dbtr/Nm vs Dbtr/Pty/Nm) are read by trying both paths.
 *
 * Paths are nodes of a trie that lives as long as the parser: an element
 * opening is a child lookup by (interned) name, never a string built per
 * element, and every path string exists once however many entries use it.
 * Values sit in an array indexed by node id, so a bag is cleared and reused
 * from one entry to the next.
 */
import { internalized } from '../xml/xml-syntax.ts';

export class PathNode {
  private readonly childNames: string[] = [];
  private readonly children: PathNode[] = [];
  private readonly attributeNames: string[] = [];
  private readonly attributeNodes: PathNode[] = [];
  /** Path relative to the context element: "Amt", "BookgDt/Dt", "Amt@Ccy"; "" for the element itself. */
  readonly key: string;
  /** The key as provenance shows it under a transaction's details. */
  readonly txKey: string;
  /** The previous entry's value, reused when the next one is the same text. */
  last: string | undefined = undefined;
  /** Learned element order: the child that came first last time, and the sibling that followed this one. */
  private firstChild: PathNode | undefined = undefined;
  private nextSibling: PathNode | undefined = undefined;

  constructor(
    private readonly trie: PathTrie,
    readonly id: number,
    key: string,
    /** The element's local name (last path step). */
    readonly name = '',
  ) {
    // Internalized, so setting them as provenance keys needs no string-table lookup per entry.
    this.key = internalized(key);
    this.txKey = internalized(`TxDtls/${key}`);
  }

  /**
   * The child element `name`, opened after the sibling `after` (undefined for
   * the first child). Entries repeat one layout, so the child that followed
   * `after` last time is tried first: one comparison instead of a search.
   */
  child(name: string, after: PathNode | undefined): PathNode {
    const guess = after === undefined ? this.firstChild : after.nextSibling;
    if (guess !== undefined && guess.name === name) return guess;
    const node = this.find(name);
    if (after === undefined) this.firstChild = node;
    else after.nextSibling = node;
    return node;
  }

  private find(name: string): PathNode {
    const names = this.childNames;
    for (let i = 0; i < names.length; i++) if (names[i] === name) return this.children[i]!;
    const own = internalized(name);
    const node = this.trie.add(this.key === '' ? own : `${this.key}/${own}`, own);
    names.push(own);
    this.children.push(node);
    return node;
  }

  attribute(name: string): PathNode {
    const names = this.attributeNames;
    for (let i = 0; i < names.length; i++) if (names[i] === name) return this.attributeNodes[i]!;
    const node = this.trie.add(`${this.key}@${name}`);
    names.push(internalized(name));
    this.attributeNodes.push(node);
    return node;
  }
}

/** All relative paths seen under one kind of context element (statement, balance, entry, transaction). */
export class PathTrie {
  readonly nodes: PathNode[] = [];
  private readonly byKey = new Map<string, PathNode>();
  readonly root: PathNode = this.add('');

  add(key: string, name?: string): PathNode {
    const existing = this.byKey.get(key);
    if (existing) return existing;
    const node = new PathNode(this, this.nodes.length, key, name);
    this.nodes.push(node);
    this.byKey.set(key, node);
    return node;
  }

  /** The node of a relative path, created if no file has used it yet, so fields can be resolved once. */
  node(key: string): PathNode {
    let node = this.root;
    const at = key.indexOf('@');
    const elements = at === -1 ? key : key.slice(0, at);
    for (const name of elements.split('/')) node = node.child(name, undefined);
    return at === -1 ? node : node.attribute(key.slice(at + 1));
  }
}

/** Not whitespace to trim or collapse; the few Unicode spaces in U+1680–U+3000 are left to the full rules. */
const plain = (c: number): boolean => (c < 0xa0 ? c > 32 : c < 0x1680 ? c !== 0xa0 : c > 0x3000 && c !== 0xfeff);

/** A value as fields are compared and shown: trimmed, inner whitespace runs collapsed. */
export function squash(v: string): string {
  // The usual clean value (single inner spaces, nothing to trim) is returned as is, without a regex.
  const n = v.length;
  if (n > 0 && plain(v.charCodeAt(0)) && plain(v.charCodeAt(n - 1))) {
    let i = 1;
    for (; i < n - 1; i++) {
      const c = v.charCodeAt(i);
      if (!plain(c) && (c !== 32 || !plain(v.charCodeAt(i + 1)))) break;
    }
    if (i >= n - 1) return v;
  }
  const t = v.trim();
  return /\s\s|[\t\n\r]/.test(t) ? t.replace(/\s+/g, ' ') : t;
}

export class FieldBag {
  private readonly values: (string | undefined)[] = [];
  /** Each value squashed, once it has been read: fields are read more than once per entry. */
  private readonly squashed: (string | undefined)[] = [];
  /** Node ids in the order their first value arrived: the order provenance lists them. */
  private readonly order: number[] = [];
  /** How many of `order` are in use: the array is kept, not truncated, so clearing allocates nothing. */
  private count = 0;

  constructor(readonly trie: PathTrie) {}

  clear(): void {
    const values = this.values;
    const order = this.order;
    const squashed = this.squashed;
    for (let i = 0; i < this.count; i++) {
      const id = order[i]!;
      values[id] = undefined;
      squashed[id] = undefined;
    }
    this.count = 0;
  }

  /** An element opened: a repeated element's text is separated from the previous one's. */
  open(node: PathNode): void {
    const existing = this.values[node.id];
    if (existing !== undefined) {
      this.values[node.id] = `${existing} `;
      this.squashed[node.id] = undefined;
    }
  }

  set(node: PathNode, value: string): void {
    const existing = this.values[node.id];
    // Repeated elements (several Ustrd lines) are joined, not overwritten.
    if (existing === undefined) this.first(node.id, value);
    else {
      this.values[node.id] = `${existing} ${value}`;
      this.squashed[node.id] = undefined;
    }
  }

  append(node: PathNode, text: string): void {
    const existing = this.values[node.id];
    if (existing !== undefined) {
      this.values[node.id] = existing + text;
      this.squashed[node.id] = undefined;
    } else if (text === node.last) this.first(node.id, node.last);
    else {
      // Codes, currencies and dates repeat from entry to entry: holding one copy keeps the retained heap small.
      // Short ones only: V8 keeps a longer slice as a view of the whole input chunk, which must not outlive its entry.
      if (text.length < 13) node.last = text;
      this.first(node.id, text);
    }
  }

  private first(id: number, value: string): void {
    while (this.values.length < id) this.values.push(undefined);
    while (this.squashed.length <= id) this.squashed.push(undefined);
    this.values[id] = value;
    if (this.count === this.order.length) this.order.push(id);
    else this.order[this.count] = id;
    this.count += 1;
  }

  /** Whether anything (even blank text) has arrived for the path. */
  has(node: PathNode): boolean {
    return this.values[node.id] !== undefined;
  }

  /** The squashed value, or undefined when absent or blank. */
  value(node: PathNode): string | undefined {
    const v = this.squashedValue(node.id);
    return v === '' ? undefined : v;
  }

  private squashedValue(id: number): string | undefined {
    let v = this.squashed[id];
    if (v === undefined) {
      const raw = this.values[id];
      if (raw === undefined) return undefined;
      v = squash(raw);
      this.squashed[id] = v;
    }
    return v;
  }

  /** The first of several paths with a non-blank value. */
  get(...paths: string[]): string | undefined {
    for (const p of paths) {
      const v = this.value(this.trie.node(p));
      if (v !== undefined) return v;
    }
    return undefined;
  }

  /** Every non-blank value in arrival order, keyed by path (prefixed with "TxDtls/" for a transaction's). */
  forEach(visit: (node: PathNode, value: string) => void): void {
    const order = this.order;
    for (let i = 0; i < this.count; i++) {
      const id = order[i]!;
      const v = this.squashedValue(id)!;
      if (v !== '') visit(this.trie.nodes[id]!, v);
    }
  }

  entries(): [string, string][] {
    const out: [string, string][] = [];
    this.forEach((node, v) => out.push([node.key, v]));
    return out;
  }

  /**
   * Appends the non-blank values, their provenance keys (plain or under
   * "TxDtls/") and node ids to the scratch arrays from index `n`; returns the new length.
   */
  gather(keys: string[], values: string[], ids: number[], n: number, tx: boolean): number {
    const nodes = this.trie.nodes;
    const order = this.order;
    for (let i = 0; i < this.count; i++) {
      const id = order[i]!;
      const v = this.squashedValue(id)!;
      if (v === '') continue;
      keys[n] = tx ? nodes[id]!.txKey : nodes[id]!.key;
      values[n] = v;
      ids[n] = tx ? ~id : id;
      n += 1;
    }
    return n;
  }
}
