/**
 * Reads a SWIFT MT940/942/950 text tag by tag. Handles SWIFT block envelopes
 * ({1:…}{2:…}{4:), bank preambles before `:20:`, `-` and `-}` terminators,
 * and tag values that continue over several lines.
 *
 * One pass over the text with indexOf and char codes: files run to hundreds of
 * thousands of tags, and splitting into a line array plus a regex per line
 * cost more than the rest of the parse. Lines end at CRLF, CR or LF; line
 * numbers are 1-based, counting every line of the file.
 */

export interface MtTag {
  readonly tag: string;
  /** Value lines as in the file (first line after the tag, then continuations). */
  readonly lines: string[];
  readonly line: number;
}

const COLON = 58;
const DASH = 45;
const BRACE = 123;
const CLOSE_BRACE = 125;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;

/** Tags of every transaction: kept as constants so the hot path allocates no tag names. */
const TAG_61 = '61';
const TAG_86 = '86';

export class MtTagReader {
  /** The current tag: its name (`61`, `60F`, `NS`), 1-based line and first value line. */
  tag = '';
  line = 0;
  first = '';
  /** Continuation lines, only when the value goes on over more lines. */
  more: string[] | undefined = undefined;
  /** True when the tag opens a statement: a `:20:`, or any tag after a terminator. */
  startsBlock = false;

  private readonly text: string;
  private readonly hasCr: boolean;
  /** U+2028/2029 end a line for the tag pattern (`.` does not match them), though not for line splitting. */
  private readonly hasLineSeparators: boolean;
  private pos = 0;
  private done = false;
  private lineNo = 0;
  /** Positions of the next LF / CR at or after `pos`; -1 when there is none left, -2 before the first search. */
  private nextLf = -2;
  private nextCr = -2;
  private nextEnvelope = -2;
  private inBlock = false;
  // The current line: [start, end) after envelope stripping.
  private start = 0;
  private end = 0;
  // A tag line read while collecting continuations, handed out by the next call.
  private pendingStart = -1;
  private pendingEnd = 0;
  private pendingLine = 0;

  constructor(text: string) {
    this.text = text;
    this.hasCr = text.indexOf('\r') !== -1;
    this.hasLineSeparators = text.indexOf('\u2028') !== -1 || text.indexOf('\u2029') !== -1;
  }

  /** The value lines of the current tag, for the tags that are read the simple way. */
  lines(): string[] {
    return this.more ? [this.first, ...this.more] : [this.first];
  }

  toTag(): MtTag {
    return { tag: this.tag, lines: this.lines(), line: this.line };
  }

  /** Advances to the next tag; false at the end of the text. */
  next(): boolean {
    let valueStart: number;
    if (this.pendingStart !== -1) {
      this.start = this.pendingStart;
      this.end = this.pendingEnd;
      this.line = this.pendingLine;
      this.pendingStart = -1;
      valueStart = this.tagValueStart();
    } else {
      for (;;) {
        if (!this.readLine()) return false;
        const kind = this.classify();
        if (kind === LINE_TAG) {
          valueStart = this.tagValueStart();
          this.line = this.lineNo;
          break;
        }
        // Untagged lines outside a statement are bank preambles (e.g. "ABNANL2A", "940").
      }
    }
    const text = this.text;
    const tagStart = this.start + 1;
    const tagLength = valueStart - 1 - tagStart;
    this.tag =
      tagLength === 2 && text.charCodeAt(tagStart) === 54 && text.charCodeAt(tagStart + 1) === 49
        ? TAG_61
        : tagLength === 2 && text.charCodeAt(tagStart) === 56 && text.charCodeAt(tagStart + 1) === 54
          ? TAG_86
          : text.slice(tagStart, valueStart - 1);
    this.first = text.slice(valueStart, this.end);
    this.startsBlock = !this.inBlock || this.tag === '20';
    this.inBlock = true;
    this.more = undefined;
    while (this.readLine()) {
      const kind = this.classify();
      if (kind === LINE_SKIP) continue;
      if (kind === LINE_END) break;
      if (kind === LINE_TAG) {
        this.pendingStart = this.start;
        this.pendingEnd = this.end;
        this.pendingLine = this.lineNo;
        break;
      }
      (this.more ??= []).push(text.slice(this.start, this.end));
    }
    return true;
  }

  /** Reads the next line into [start, end); false after the last line. */
  private readLine(): boolean {
    if (this.done) return false;
    const text = this.text;
    const from = this.pos;
    // Next LF and CR are remembered, so a file with only one kind is not searched to its end per line.
    if (this.nextLf !== -1 && this.nextLf < from) this.nextLf = text.indexOf('\n', from);
    let end = this.nextLf;
    let next = end + 1;
    if (this.hasCr) {
      if (this.nextCr !== -1 && this.nextCr < from) this.nextCr = text.indexOf('\r', from);
      const cr = this.nextCr;
      if (cr !== -1 && (end === -1 || cr < end)) {
        end = cr;
        next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
      }
    }
    if (end === -1) {
      this.done = true;
      end = text.length;
    }
    this.start = from;
    this.end = end;
    this.pos = next;
    this.lineNo += 1;
    return true;
  }

  /** What the current line is; strips a SWIFT envelope first (the message text starts after `{4:`). */
  private classify(): LineKind {
    const text = this.text;
    let s = this.start;
    const e = this.end;
    if (s < e && text.charCodeAt(s) === BRACE) {
      if (this.nextEnvelope !== -1 && this.nextEnvelope < s) this.nextEnvelope = text.indexOf('{4:', s);
      let body = this.nextEnvelope;
      // The cached match may lie in a later line; only one inside this line counts.
      if (body === -1 || body + 3 > e) body = -1;
      if (body === -1) return LINE_SKIP;
      s = body + 3;
      if (s === e) return LINE_SKIP;
      this.start = s;
      // Find the next envelope from here on when it is needed.
      this.nextEnvelope = -2;
    }
    const c0 = text.charCodeAt(s);
    if (c0 === DASH && (e - s === 1 || text.charCodeAt(s + 1) === CLOSE_BRACE)) {
      this.inBlock = false;
      return LINE_END;
    }
    if (c0 === COLON && this.tagValueStart() !== -1) {
      if (this.hasLineSeparators && /[\u2028\u2029]/.test(text.slice(s, e))) return LINE_TEXT;
      return LINE_TAG;
    }
    return LINE_TEXT;
  }

  /** Where the value of a `:NN[A]:` or `:NS:` tag line begins, or -1 when the line is no tag. */
  private tagValueStart(): number {
    const text = this.text;
    const s = this.start;
    const e = this.end;
    if (e - s < 4) return -1;
    const a = text.charCodeAt(s + 1);
    const b = text.charCodeAt(s + 2);
    const c = text.charCodeAt(s + 3);
    if (isDigit(a) && isDigit(b)) {
      if (c === COLON) return s + 4;
      return isUpper(c) && e - s >= 5 && text.charCodeAt(s + 4) === COLON ? s + 5 : -1;
    }
    return a === 78 && b === 83 && c === COLON ? s + 4 : -1;
  }
}

type LineKind = 0 | 1 | 2 | 3;
const LINE_TEXT = 0;
const LINE_TAG = 1;
const LINE_END = 2;
const LINE_SKIP = 3;
