/**
 * The small pieces of XML syntax the stream tokenizer shares with its slow
 * path: the error type, entity decoding, name characters and string helpers.
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

export function decodeEntities(text: string, line: number): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);?/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    const value = ENTITIES[name];
    if (value === undefined) throw new XmlSyntaxError(`unknown entity ${whole}`, line);
    return value;
  });
}

export const localName = (qname: string): string => {
  const colon = qname.indexOf(':');
  return colon === -1 ? qname : qname.slice(colon + 1);
};

/**
 * ASCII name characters: 2 may start a name ([A-Za-z_]), 1 may follow
 * ([0-9.:-]). Anything else (non-ASCII included) sends a tag down the slow
 * path, which applies the full rules and reports errors.
 */
export const NAME_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_]/.test(ch)) NAME_CHAR[c] = 2;
  else if (/[0-9.:-]/.test(ch)) NAME_CHAR[c] = 1;
}

/** Space, tab, line feed, carriage return: the whitespace XML allows inside tags. */
export const isTagSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13;

/**
 * The engine's unique copy of a string (a property key is internalized): two
 * such strings are compared by identity alone, and a long-lived name does not
 * keep a whole input chunk alive, as a sliced string would.
 */
export function internalized(s: string): string {
  return Object.keys({ [s]: 0 })[0]!;
}

/** The shared attributes of every tag without any, so handlers can skip them by identity. */
export const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

/** Whether `s` occurs in `b` at `at`; a plain loop beats a builtin call for the short names compared here. */
export function sameAt(b: string, at: number, s: string): boolean {
  const n = s.length;
  if (at + n > b.length) return false;
  for (let i = 0; i < n; i++) if (b.charCodeAt(at + i) !== s.charCodeAt(i)) return false;
  return true;
}
