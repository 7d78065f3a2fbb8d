/**
 * A small streaming (SAX-style) XML tokenizer: feed it chunks, it calls back
 * for each start tag, text and end tag, holding only the unfinished tail in
 * memory — never a document tree. Namespace prefixes are dropped (camt files
 * come with and without namespaces); DTDs and processing instructions are
 * skipped. Malformed input raises `XmlSyntaxError` with the line.
 *
 * Speed: plain start and end tags are read by character codes, their names
 * interned without allocating (and mostly guessed from the learned element
 * order, see `NameTable`); lines and entities are found with one forward
 * `indexOf` each. Anything unusual goes down the general path (`XmlTokenizerBase`).
 */
import { UNKNOWN, XmlTokenizerBase } from './xml-general.ts';
import { NameTable } from './xml-names.ts';
import { decodeEntities, isTagSpace, localName, NAME_CHAR, NO_ATTRIBUTES, sameAt, XmlSyntaxError } from './xml-syntax.ts';

export { NO_ATTRIBUTES, XmlSyntaxError, type XmlHandler } from './xml-syntax.ts';

export class XmlStream extends XmlTokenizerBase {
  /** Index of the next '&' at or after the last text searched; -1 none left, -2 not searched yet. */
  private nextAmp = -2;
  private readonly table = new NameTable();
  /** Where the name found by `nameAt` ends (a second return value, without allocating). */
  private nameEnd = 0;

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
      const c = b.charCodeAt(lt + 1);
      const consumed = c === 47 ? this.endTag(b, lt, final) : c < 128 && NAME_CHAR[c] === 2 ? this.startTag(b, lt, final) : this.general(b, lt, final);
      if (consumed === -1) break;
      pos = consumed;
    }
    this.lineAt(b, pos);
    this.buffer = pos === 0 ? b : b.slice(pos);
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

  /** The name-table index of the element name at `start`, or -1 to take the general path; sets `nameEnd`. */
  private nameAt(b: string, start: number): number {
    const table = this.table;
    const depth = this.depth;
    const previous = this.previous[depth]!;
    const parent = depth > 0 ? this.indexes[depth - 1]! : UNKNOWN;
    const guess = previous >= 0 ? table.nextSibling[previous]! : previous === -1 && parent >= 0 ? table.firstChild[parent]! : -1;
    if (guess >= 0) {
      const q = table.qnames[guess]!;
      const after = b.charCodeAt(start + q.length);
      if ((after === 62 || after === 47 || isTagSpace(after)) && sameAt(b, start, q)) {
        this.nameEnd = start + q.length;
        return guess;
      }
    }
    let i = start;
    let hash = 0;
    let c = b.charCodeAt(i);
    while (c < 128 && NAME_CHAR[c] !== 0) {
      hash = (Math.imul(hash, 31) + c) | 0;
      c = b.charCodeAt(++i);
    }
    this.nameEnd = i;
    const index = table.indexOf(b, start, i, hash);
    // Learn the order for next time.
    if (index >= 0 && previous >= 0) table.nextSibling[previous] = index;
    else if (index >= 0 && previous === -1 && parent >= 0) table.firstChild[parent] = index;
    return index;
  }

  private startTag(b: string, lt: number, final: boolean): number {
    const index = this.nameAt(b, lt + 1);
    if (index < 0) return this.general(b, lt, final);
    let i = this.nameEnd;
    let c = b.charCodeAt(i);
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
    const table = this.table;
    const name = table.locals[index]!;
    this.sawRoot = true;
    this.previous[this.depth] = index;
    this.handler.open(name, attributes, line);
    if (selfClosing) this.handler.close(name, line);
    else this.push(table.qnames[index]!, name, index);
    return end + 1;
  }
}
