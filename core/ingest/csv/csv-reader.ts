/**
 * An incremental RFC 4180 CSV reader: quoted fields with embedded delimiters,
 * quotes ("") and line breaks; CRLF or LF. Rows come out with the 1-based line
 * they start on; only an unfinished row is held between chunks.
 *
 * Beside each row the reader hands over the row's text as it stands in the
 * input when that text is exactly the fields joined by the delimiter (no
 * quote in the row, row within one chunk): a slice of the input costs no copy,
 * where joining the fields again would, for every row of a large file.
 */
export interface CsvRow {
  readonly fields: string[];
  readonly line: number;
}

export class CsvReader {
  private field = '';
  private row: string[] = [];
  private inQuotes = false;
  /** A quote just closed; the next char decides if it was an escaped quote. */
  private quoteClosed = false;
  private line = 1;
  private rowLine = 1;
  private pendingCR = false;
  private unterminatedAt: number | undefined;
  /** The chunk being read, and where in it the current row starts (-1: in an earlier chunk). */
  private chunk = '';
  private rowStart = 0;
  /** The current row holds a quote, so its text differs from its joined fields. */
  private rowQuoted = false;

  constructor(
    private readonly delimiter: string,
    private readonly onRow: (row: CsvRow, text: string | undefined) => void,
  ) {}

  write(chunk: string): void {
    const d = this.delimiter.charCodeAt(0);
    let field = this.field;
    let i = 0;
    const n = chunk.length;
    this.chunk = chunk;
    this.rowStart = field === '' && this.row.length === 0 && !this.inQuotes && !this.quoteClosed ? 0 : -1;
    while (i < n) {
      if (this.pendingCR) {
        this.pendingCR = false;
        if (chunk.charCodeAt(i) === 10) {
          i += 1;
          this.rowStart = i;
          continue;
        }
      }
      if (this.inQuotes) {
        const q = chunk.indexOf('"', i);
        const part = q === -1 ? chunk.slice(i) : chunk.slice(i, q);
        for (let k = part.indexOf('\n'); k !== -1; k = part.indexOf('\n', k + 1)) this.line += 1;
        field += part;
        if (q === -1) break;
        this.inQuotes = false;
        this.quoteClosed = true;
        i = q + 1;
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === 34) {
        this.rowQuoted = true;
        if (this.quoteClosed) {
          // "" inside a quoted field is one quote character.
          field += '"';
          this.inQuotes = true;
          this.quoteClosed = false;
        } else if (field.trim() === '') {
          field = '';
          this.inQuotes = true;
          this.unterminatedAt = this.line;
        } else field += '"';
        i += 1;
        continue;
      }
      this.quoteClosed = false;
      if (c === d) {
        this.row.push(field);
        field = '';
        i += 1;
      } else if (c === 10 || c === 13) {
        this.row.push(field);
        field = '';
        this.emit(i);
        this.line += 1;
        this.rowLine = this.line;
        if (c === 13) this.pendingCR = true;
        i += 1;
        this.rowStart = i;
      } else {
        // Take the whole run of ordinary characters at once.
        let j = i + 1;
        while (j < n) {
          const cj = chunk.charCodeAt(j);
          if (cj === d || cj === 10 || cj === 13 || cj === 34) break;
          j += 1;
        }
        field += chunk.slice(i, j);
        i = j;
      }
    }
    this.field = field;
  }

  /** Flushes the last row; returns the line of an unterminated quote, if any. */
  end(): { unterminatedQuoteLine?: number } {
    if (this.inQuotes) return { unterminatedQuoteLine: this.unterminatedAt ?? this.rowLine };
    if (this.field !== '' || this.row.length > 0) {
      this.row.push(this.field);
      this.field = '';
      this.emit(this.chunk.length);
    }
    this.chunk = '';
    return {};
  }

  /** Ends the current row, which stops before `end` in the current chunk. */
  private emit(end: number): void {
    const fields = this.row;
    const text = this.rowStart >= 0 && !this.rowQuoted ? this.chunk.slice(this.rowStart, end) : undefined;
    this.row = [];
    this.quoteClosed = false;
    this.rowQuoted = false;
    // Blank lines carry nothing.
    if (fields.length === 1 && fields[0]!.trim() === '') return;
    this.onRow({ fields, line: this.rowLine }, text);
  }
}

/** The delimiter that splits the header line into the most consistent columns. */
export function detectDelimiter(sample: string): string {
  const lines = sample.slice(0, 65_536).split(/\r\n|\r|\n/).filter((l) => l.trim() !== '').slice(0, 10);
  let best = ',';
  let bestScore = 0;
  for (const d of [',', ';', '\t', '|']) {
    const counts = lines.map((l) => l.split(d).length - 1);
    const first = counts[0] ?? 0;
    const consistent = counts.filter((c) => c === first).length;
    const score = first > 0 ? first * consistent : 0;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
