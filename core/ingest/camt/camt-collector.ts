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

  constructor(
    private readonly trie: PathTrie,
    readonly id: number,
    key: string,
  ) {
    // Internalized, so setting them as provenance keys needs no string-table lookup per entry.
    this.key = internalized(key);
    this.txKey = internalized(`TxDtls/${key}`);
  }

  child(name: string): PathNode {
    const names = this.childNames;
    // Names come interned from the tokenizer, so this is mostly an identity check on few candidates.
    for (let i = 0; i < names.length; i++) if (names[i] === name) return this.children[i]!;
    const node = this.trie.add(this.key === '' ? name : `${this.key}/${name}`);
    names.push(internalized(name));
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

  add(key: string): PathNode {
    const existing = this.byKey.get(key);
    if (existing) return existing;
    const node = new PathNode(this, this.nodes.length, key);
    this.nodes.push(node);
    this.byKey.set(key, node);
    return node;
  }

  /** The node of a relative path, created if no file has used it yet, so fields can be resolved once. */
  node(key: string): PathNode {
    let node = this.root;
    const at = key.indexOf('@');
    const elements = at === -1 ? key : key.slice(0, at);
    for (const name of elements.split('/')) node = node.child(name);
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
  /** Node ids in the order their first value arrived: the order provenance lists them. */
  private readonly order: number[] = [];

  constructor(readonly trie: PathTrie) {}

  clear(): void {
    const values = this.values;
    for (const id of this.order) values[id] = undefined;
    this.order.length = 0;
  }

  /** An element opened: a repeated element's text is separated from the previous one's. */
  open(node: PathNode): void {
    const existing = this.values[node.id];
    if (existing !== undefined) this.values[node.id] = `${existing} `;
  }

  set(node: PathNode, value: string): void {
    const existing = this.values[node.id];
    // Repeated elements (several Ustrd lines) are joined, not overwritten.
    if (existing === undefined) this.first(node.id, value);
    else this.values[node.id] = `${existing} ${value}`;
  }

  append(node: PathNode, text: string): void {
    const existing = this.values[node.id];
    if (existing !== undefined) this.values[node.id] = existing + text;
    else if (text === node.last) this.first(node.id, node.last);
    else {
      // Codes, currencies and dates repeat from entry to entry: holding one copy keeps the retained heap small.
      if (text.length <= 32) node.last = text;
      this.first(node.id, text);
    }
  }

  private first(id: number, value: string): void {
    while (this.values.length < id) this.values.push(undefined);
    this.values[id] = value;
    this.order.push(id);
  }

  /** Whether anything (even blank text) has arrived for the path. */
  has(node: PathNode): boolean {
    return this.values[node.id] !== undefined;
  }

  /** The squashed value, or undefined when absent or blank. */
  value(node: PathNode): string | undefined {
    const raw = this.values[node.id];
    if (raw === undefined) return undefined;
    const v = squash(raw);
    return v === '' ? undefined : v;
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
    for (const id of this.order) {
      const v = squash(this.values[id]!);
      if (v !== '') visit(this.trie.nodes[id]!, v);
    }
  }

  entries(): [string, string][] {
    const out: [string, string][] = [];
    this.forEach((node, v) => out.push([node.key, v]));
    return out;
  }

  /** Copies the values into a provenance record, under the plain or transaction key. */
  copyInto(raw: Record<string, string>, tx: boolean): void {
    const values = this.values;
    const nodes = this.trie.nodes;
    for (const id of this.order) {
      const v = squash(values[id]!);
      if (v !== '') raw[tx ? nodes[id]!.txKey : nodes[id]!.key] = v;
    }
  }
}
