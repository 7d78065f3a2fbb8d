/**
 * The tokenizer's state and its general path: every construct by the full
 * rules (comments, CDATA, processing instructions, DTDs, quoted attribute
 * values holding markup, odd spacing, errors). The stream's fast paths for
 * plain tags fall back here on anything unusual, so both agree on every input.
 */
import { decodeEntities, localName, NO_ATTRIBUTES, XmlSyntaxError, type XmlHandler } from './xml-syntax.ts';

const ATTRIBUTE = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
const NAME = /^[A-Za-z_][\w.:-]*$/;

/** Name index meaning "not in the name table": nothing is learned from or predicted after it. */
export const UNKNOWN = -2;

export abstract class XmlTokenizerBase {
  protected buffer = '';
  /** 1-based line of the buffer position just after the last counted line feed. */
  protected line = 1;
  /** Index in the buffer of the first line feed not yet counted; -1 none left, -2 not searched yet. */
  protected nextNewline = -2;
  /** Open elements: qualified names (to match end tags), local names (what handlers see), name-table indexes. */
  protected readonly qnames: string[] = [];
  protected readonly names: string[] = [];
  protected readonly indexes: number[] = [];
  /** Per depth: name index of the previous sibling under the current parent; -1 none yet, UNKNOWN. */
  protected readonly previous: number[] = [-1];
  protected depth = 0;
  protected sawRoot = false;

  constructor(protected readonly handler: XmlHandler) {}

  /** The line of buffer position `p`; positions asked for only move forward within one buffer. */
  protected lineAt(b: string, p: number): number {
    let nl = this.nextNewline;
    if (nl === -2) nl = b.indexOf('\n');
    while (nl !== -1 && nl < p) {
      this.line += 1;
      nl = b.indexOf('\n', nl + 1);
    }
    this.nextNewline = nl;
    return this.line;
  }

  protected push(qname: string, name: string, index: number): void {
    const depth = this.depth;
    this.qnames[depth] = qname;
    this.names[depth] = name;
    this.indexes[depth] = index;
    this.previous[depth + 1] = -1;
    this.depth = depth + 1;
  }

  /** Handles the markup at `lt` by the full rules; returns the index after it, or -1 when it is incomplete. */
  protected general(b: string, lt: number, final: boolean): number {
    // Too little left to tell a comment or CDATA from other markup: wait for the next chunk.
    if (!final && b.length - lt < 9) return -1;
    const line = this.lineAt(b, lt);
    if (b.startsWith('<!--', lt)) {
      const end = b.indexOf('-->', lt + 4);
      return end === -1 ? -1 : end + 3;
    }
    if (b.startsWith('<![CDATA[', lt)) {
      const end = b.indexOf(']]>', lt + 9);
      if (end === -1) return -1;
      if (this.depth === 0) throw new XmlSyntaxError('CDATA outside the root element', line);
      this.handler.text(b.slice(lt + 9, end));
      return end + 3;
    }
    if (b.startsWith('<?', lt)) {
      const end = b.indexOf('?>', lt + 2);
      return end === -1 ? -1 : end + 2;
    }
    if (b.startsWith('<!', lt)) {
      const end = b.indexOf('>', lt + 2);
      return end === -1 ? -1 : end + 1;
    }
    // Find the closing '>' outside quoted attribute values; most tags have no quotes at all.
    let end = b.indexOf('>', lt + 1);
    if (end === -1) return -1;
    const firstQuote = b.slice(lt + 1, end).search(/["']/);
    if (firstQuote !== -1) {
      let quote = '';
      end = -1;
      for (let i = lt + 1; i < b.length; i++) {
        const c = b[i]!;
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') {
          end = i;
          break;
        }
      }
      if (end === -1) return -1;
    }
    const nextLt = b.indexOf('<', lt + 1);
    if (firstQuote === -1 && nextLt !== -1 && nextLt < end) throw new XmlSyntaxError('"<" inside a tag', line);
    const body = b.slice(lt + 1, end);
    if (body.charCodeAt(0) === 47) {
      const name = localName(body.slice(1).trim());
      const open = this.depth > 0 ? this.names[--this.depth] : undefined;
      if (open !== name) throw new XmlSyntaxError(open ? `</${name}> does not close <${open}>` : `</${name}> has no matching start tag`, line);
      this.handler.close(name, line);
      return end + 1;
    }
    const selfClosing = body.endsWith('/');
    const inner = selfClosing ? body.slice(0, -1) : body;
    const space = inner.search(/\s/);
    const nameEnd = space === -1 ? inner.length : space;
    const qname = inner.slice(0, nameEnd);
    if (!NAME.test(qname)) throw new XmlSyntaxError(`invalid element name ${JSON.stringify(qname)}`, line);
    if (this.depth === 0 && this.sawRoot) throw new XmlSyntaxError('more than one root element', line);
    const attributes: Record<string, string> = space === -1 ? NO_ATTRIBUTES : {};
    if (space !== -1) for (const m of inner.slice(nameEnd).matchAll(ATTRIBUTE)) attributes[localName(m[1]!)] = decodeEntities(m[3] ?? m[4] ?? '', line);
    const name = localName(qname);
    this.sawRoot = true;
    this.previous[this.depth] = UNKNOWN;
    this.handler.open(name, attributes, line);
    if (selfClosing) this.handler.close(name, line);
    else this.push(qname, name, UNKNOWN);
    return end + 1;
  }
}
