/**
 * Reads OFX 1.x SGML (leaf elements without end tags) and OFX 2.x XML into a
 * small element tree. OFX statements are small, so a tree is the simple choice
 * here; entities are decoded, the SGML header is skipped.
 */
export interface OfxNode {
  readonly name: string;
  readonly value?: string;
  readonly children: OfxNode[];
  readonly line: number;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };
const decode = (s: string) => s.replace(/&(#\d+|[a-z]+);/gi, (w, n: string) => (n.startsWith('#') ? String.fromCharCode(Number(n.slice(1))) : (ENTITIES[n.toLowerCase()] ?? w)));

export function readOfxTree(text: string): OfxNode {
  const start = text.search(/<OFX>/i);
  const root: OfxNode = { name: '#root', children: [], line: 1 };
  if (start === -1) return root;
  const stack: OfxNode[] = [root];
  let line = text.slice(0, start).split('\n').length;
  const tag = /<(\/?)([A-Za-z0-9.]+)[^>]*>([^<]*)/g;
  tag.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(text)) !== null) {
    const [whole, slash, rawName, rawText] = m as unknown as [string, string, string, string];
    const name = rawName.toUpperCase();
    const value = decode(rawText.trim());
    if (slash) {
      // Close the nearest open aggregate of that name; SGML leaves never sit on the stack.
      const at = stack.map((n) => n.name).lastIndexOf(name);
      if (at > 0) stack.length = at;
    } else if (value !== '' || isEmptyLeaf(text, tag.lastIndex, name)) {
      stack[stack.length - 1]!.children.push({ name, value, children: [], line });
      // XML writes </NAME> after a leaf's value: consume it.
      const close = `</${rawName}>`;
      if (text.startsWith(close, tag.lastIndex)) tag.lastIndex += close.length;
    } else {
      const node: OfxNode = { name, children: [], line };
      stack[stack.length - 1]!.children.push(node);
      stack.push(node);
    }
    line += (whole.match(/\n/g) ?? []).length;
  }
  return root;
}

/** `<DTPOSTED></DTPOSTED>`: an element with an explicit, empty value. */
function isEmptyLeaf(text: string, at: number, name: string): boolean {
  return text.slice(at, at + name.length + 3).toUpperCase() === `</${name}>`;
}

export function child(node: OfxNode | undefined, ...path: string[]): OfxNode | undefined {
  let current = node;
  for (const name of path) current = current?.children.find((c) => c.name === name);
  return current;
}

export function value(node: OfxNode | undefined, ...path: string[]): string | undefined {
  const v = child(node, ...path)?.value;
  return v === undefined || v === '' ? undefined : v;
}

export function findAll(node: OfxNode, name: string): OfxNode[] {
  const out: OfxNode[] = [];
  const walk = (n: OfxNode) => {
    for (const c of n.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}
