/**
 * A small streaming (SAX-style) XML tokenizer: feed it chunks, it calls back
 * for each start tag, text and end tag, holding only the unfinished tail in
 * memory — never a document tree. Namespace prefixes are dropped (camt files
 * come with and without namespaces); DTDs and processing instructions are
 * skipped. Malformed input raises `XmlSyntaxError` with the line.
 */

export interface XmlHandler {
  open(name: string, attributes: Readonly<Record<string, string>>, line: number): void;
  text(text: string): void;
  close(name: string, line: number): void;
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'XmlSyntaxError';
  }
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string, line: number): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);?/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    const value = ENTITIES[name];
    if (value === undefined) throw new XmlSyntaxError(`unknown entity ${whole}`, line);
    return value;
  });
}

const localName = (qname: string): string => {
  const colon = qname.indexOf(':');
  return colon === -1 ? qname : qname.slice(colon + 1);
};

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}

const ATTRIBUTE = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
const NAME = /^[A-Za-z_][\w.:-]*$/;
const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

export class XmlStream {
  private buffer = '';
  private line = 1;
  private readonly stack: string[] = [];
  private sawRoot = false;

  constructor(private readonly handler: XmlHandler) {}

  /** Feeds the next chunk; complete constructs are reported, the tail is kept. */
  write(chunk: string): void {
    this.buffer += chunk;
    this.drain(false);
  }

  end(): void {
    this.drain(true);
    if (this.buffer.trim() !== '') throw new XmlSyntaxError('unexpected end of document inside markup', this.line);
    if (this.stack.length > 0) throw new XmlSyntaxError(`unexpected end of document: <${this.stack[this.stack.length - 1]}> is not closed`, this.line);
    if (!this.sawRoot) throw new XmlSyntaxError('the document has no root element', this.line);
  }

  private drain(final: boolean): void {
    const b = this.buffer;
    let pos = 0;
    while (pos < b.length) {
      const lt = b.indexOf('<', pos);
      if (lt === -1) {
        // Text may continue in the next chunk unless this is the end.
        if (!final) break;
        this.emitText(b.slice(pos));
        this.line += countLines(b, pos, b.length);
        pos = b.length;
        break;
      }
      if (lt > pos) {
        this.emitText(b.slice(pos, lt));
        this.line += countLines(b, pos, lt);
        pos = lt;
      }
      const consumed = this.markup(b, lt);
      if (consumed === -1) break;
      this.line += countLines(b, lt, consumed);
      pos = consumed;
    }
    this.buffer = b.slice(pos);
  }

  private emitText(raw: string): void {
    if (this.stack.length === 0) {
      if (raw.trim() !== '') throw new XmlSyntaxError('text outside the root element', this.line);
      return;
    }
    this.handler.text(decodeEntities(raw, this.line));
  }

  /** Handles the markup at `lt`; returns the index after it, or -1 when it is incomplete. */
  private markup(b: string, lt: number): number {
    if (b.startsWith('<!--', lt)) {
      const end = b.indexOf('-->', lt + 4);
      return end === -1 ? -1 : end + 3;
    }
    if (b.startsWith('<![CDATA[', lt)) {
      const end = b.indexOf(']]>', lt + 9);
      if (end === -1) return -1;
      if (this.stack.length === 0) throw new XmlSyntaxError('CDATA outside the root element', this.line);
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
    if (firstQuote === -1 && nextLt !== -1 && nextLt < end) throw new XmlSyntaxError('"<" inside a tag', this.line);
    const body = b.slice(lt + 1, end);
    if (body.charCodeAt(0) === 47) {
      const name = localName(body.slice(1).trim());
      const open = this.stack.pop();
      if (open !== name) {
        throw new XmlSyntaxError(open ? `</${name}> does not close <${open}>` : `</${name}> has no matching start tag`, this.line);
      }
      this.handler.close(name, this.line);
      return end + 1;
    }
    const selfClosing = body.endsWith('/');
    const inner = selfClosing ? body.slice(0, -1) : body;
    const space = inner.search(/\s/);
    const nameEnd = space === -1 ? inner.length : space;
    const qname = inner.slice(0, nameEnd);
    if (!NAME.test(qname)) throw new XmlSyntaxError(`invalid element name ${JSON.stringify(qname)}`, this.line);
    if (this.stack.length === 0 && this.sawRoot) throw new XmlSyntaxError('more than one root element', this.line);
    const attributes: Record<string, string> = space === -1 ? NO_ATTRIBUTES : {};
    if (space !== -1) for (const m of inner.slice(nameEnd).matchAll(ATTRIBUTE)) attributes[localName(m[1]!)] = decodeEntities(m[3] ?? m[4] ?? '', this.line);
    const name = localName(qname);
    this.sawRoot = true;
    this.handler.open(name, attributes, this.line);
    if (selfClosing) this.handler.close(name, this.line);
    else this.stack.push(name);
    return end + 1;
  }
}
