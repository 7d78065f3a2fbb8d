/**
 * A small streaming (SAX-style) XML tokenizer: feed it chunks, it calls back
 * for each start tag, text and end tag, holding only the unfinished tail in
 * memory — never a document tree. Namespace prefixes are dropped (camt files
 * come with and without namespaces); DTDs and processing instructions are
 * skipped. Malformed input raises `XmlSyntaxError` with the line.
 *
 * Speed: plain start and end tags are scanned character codes at a time,
 * their names interned without allocating, and lines and entities are found
 * with one forward `indexOf` each. Anything unusual (comments, CDATA, odd
 * spacing, quotes holding `<` or `>`, non-ASCII names, errors) goes down the
 * general path, which applies the full rules.
 */
import { decodeEntities, isTagSpace, localName, NAME_CHAR, NameTable, NO_ATTRIBUTES, sameAt, XmlSyntaxError } from './xml-syntax.ts';

export { NO_ATTRIBUTES, XmlSyntaxError } from './xml-syntax.ts';

export interface XmlHandler {
  open(name: string, attributes: Readonly<Record<string, string>>, line: number): void;
  text(text: string): void;
  close(name: string, line: number): void;
}

const ATTRIBUTE = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
const NAME = /^[A-Za-z_][\w.:-]*$/;

export class XmlStream {
  private buffer = '';
  /** 1-based line of the buffer position just after the last counted line feed. */
  private line = 1;
  /** Index in the buffer of the first line feed not yet counted; -1 none left, -2 not searched yet. */
  private nextNewline = -2;
  /** Index of the next '&' at or after the last text searched; -1 none left, -2 not searched yet. */
  private nextAmp = -2;
  /** Open elements: qualified names (to match end tags) and local names (what handlers see). */
  private readonly qnames: string[] = [];
  private readonly names: string[] = [];
  private depth = 0;
  private sawRoot = false;
  private readonly table = new NameTable();

  constructor(private readonly handler: XmlHandler) {}

  /** Feeds the next chunk; complete constructs are reported, the tail is kept. */
  write(chunk: string): void {
    this.buffer += chunk;
    this.drain(false);
  }

  end(): void {
    this.drain(true);
    if (this.buffer.trim() !== '') throw new XmlSyntaxError('unexpected end of document inside markup', this.line);
    if (this.depth > 0) throw new XmlSyntaxError(`unexpected end of document: <${this.names[this.depth - 1]}> is not closed`, this.line);
    if (!this.sawRoot) throw new XmlSyntaxError('the document has no root element', this.line);
  }

  private drain(final: boolean): void {
    const b = this.buffer;
    this.nextNewline = -2;
    this.nextAmp = -2;
    let pos = 0;
    while (pos < b.length) {
      // Tags mostly follow tags directly; only text needs a search.
      const lt = b.charCodeAt(pos) === 60 ? pos : b.indexOf('<', pos);
      if (lt === -1) {
        // Text may continue in the next chunk unless this is the end.
        if (!final) break;
        this.emitText(b, pos, b.length);
        pos = b.length;
        break;
      }
      if (lt > pos) this.emitText(b, pos, lt);
      pos = lt;
      const consumed = this.markup(b, lt, final);
      if (consumed === -1) break;
      pos = consumed;
    }
    this.lineAt(b, pos);
    this.buffer = pos === 0 ? b : b.slice(pos);
  }

  /** The line of buffer position `p`; positions asked for only move forward within one buffer. */
  private lineAt(b: string, p: number): number {
    let nl = this.nextNewline;
    if (nl === -2) nl = b.indexOf('\n');
    while (nl !== -1 && nl < p) {
      this.line += 1;
      nl = b.indexOf('\n', nl + 1);
    }
    this.nextNewline = nl;
    return this.line;
  }

  private emitText(b: string, from: number, to: number): void {
    if (this.depth === 0) {
      if (b.slice(from, to).trim() !== '') throw new XmlSyntaxError('text outside the root element', this.lineAt(b, from));
      return;
    }
    let amp = this.nextAmp;
    if (amp !== -1 && amp < from) this.nextAmp = amp = b.indexOf('&', from);
    const raw = b.slice(from, to);
    this.handler.text(amp !== -1 && amp < to ? decodeEntities(raw, this.lineAt(b, from)) : raw);
  }

  /** Handles the markup at `lt`; returns the index after it, or -1 when it is incomplete. */
  private markup(b: string, lt: number, final: boolean): number {
    const c = b.charCodeAt(lt + 1);
    if (c === 47) return this.endTag(b, lt, final);
    if (c < 128 && NAME_CHAR[c] === 2) return this.startTag(b, lt, final);
    return this.general(b, lt, final);
  }

  private endTag(b: string, lt: number, final: boolean): number {
    if (this.depth > 0) {
      const qname = this.qnames[this.depth - 1]!;
      if (sameAt(b, lt + 2, qname)) {
        let i = lt + 2 + qname.length;
        let c = b.charCodeAt(i);
        while (isTagSpace(c)) c = b.charCodeAt(++i);
        if (c === 62) {
          this.depth -= 1;
          this.handler.close(this.names[this.depth]!, this.lineAt(b, lt));
          return i + 1;
        }
      }
    }
    return this.general(b, lt, final);
  }

  private startTag(b: string, lt: number, final: boolean): number {
    const start = lt + 1;
    let i = start;
    let hash = 0;
    let localHash = 0;
    let colon = -1;
    let c = b.charCodeAt(i);
    while (c < 128 && NAME_CHAR[c] !== 0) {
      hash = (Math.imul(hash, 31) + c) | 0;
      if (c === 58 && colon === -1) {
        colon = i;
        localHash = 0;
      } else localHash = (Math.imul(localHash, 31) + c) | 0;
      c = b.charCodeAt(++i);
    }
    const nameEnd = i;
    if (colon === nameEnd - 1) return this.general(b, lt, final);
    const line = this.lineAt(b, lt);
    let attributes = NO_ATTRIBUTES;
    let end: number;
    let selfClosing = false;
    if (c === 62) end = i;
    else if (c === 47 && b.charCodeAt(i + 1) === 62) {
      end = i + 1;
      selfClosing = true;
    } else if (isTagSpace(c)) {
      const found: Record<string, string> = {};
      attributes = found;
      for (;;) {
        while (isTagSpace(c)) c = b.charCodeAt(++i);
        if (c === 62) {
          end = i;
          break;
        }
        if (c === 47 && b.charCodeAt(i + 1) === 62) {
          end = i + 1;
          selfClosing = true;
          break;
        }
        const attrStart = i;
        while (c < 128 && NAME_CHAR[c] !== 0) c = b.charCodeAt(++i);
        if (i === attrStart) return this.general(b, lt, final);
        const attrName = b.slice(attrStart, i);
        while (isTagSpace(c)) c = b.charCodeAt(++i);
        if (c !== 61) return this.general(b, lt, final);
        c = b.charCodeAt(++i);
        while (isTagSpace(c)) c = b.charCodeAt(++i);
        if (c !== 34 && c !== 39) return this.general(b, lt, final);
        const close = b.indexOf(c === 34 ? '"' : "'", i + 1);
        if (close === -1) return this.general(b, lt, final);
        const value = b.slice(i + 1, close);
        if (value.includes('<')) return this.general(b, lt, final);
        found[localName(attrName)] = decodeEntities(value, line);
        i = close + 1;
        c = b.charCodeAt(i);
        if (!isTagSpace(c) && c !== 62 && c !== 47) return this.general(b, lt, final);
      }
    } else return this.general(b, lt, final);
    if (this.depth === 0 && this.sawRoot) throw new XmlSyntaxError('more than one root element', line);
    const qname = this.table.get(b, start, nameEnd, hash);
    const name = colon === -1 ? qname : this.table.get(b, colon + 1, nameEnd, localHash);
    this.sawRoot = true;
    this.handler.open(name, attributes, line);
    if (selfClosing) this.handler.close(name, line);
    else this.push(qname, name);
    return end + 1;
  }

  private push(qname: string, name: string): void {
    this.qnames[this.depth] = qname;
    this.names[this.depth] = name;
    this.depth += 1;
  }

  /** Every construct by the full rules; the fast paths fall back here on anything unusual. */
  private general(b: string, lt: number, final: boolean): number {
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
    this.handler.open(name, attributes, line);
    if (selfClosing) this.handler.close(name, line);
    else this.push(qname, name);
    return end + 1;
  }
}
