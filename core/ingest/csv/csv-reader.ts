/**
 * An incremental RFC 4180 CSV reader: quoted fields with embedded delimiters,
 * quotes ("") and line breaks; CRLF or LF. Rows come out with the 1-based line
 * they start on; only an unfinished row is held between chunks.
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

  constructor(
    private readonly delimiter: string,
    private readonly onRow: (row: CsvRow) => void,
  ) {}

  write(chunk: string): void {
    const d = this.delimiter;
    let field = this.field;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.pendingCR) {
        this.pendingCR = false;
        if (c === '\n') continue;
      }
      if (this.inQuotes) {
        if (c === '"') {
          this.inQuotes = false;
          this.quoteClosed = true;
        } else {
          if (c === '\n') this.line += 1;
          field += c;
        }
        continue;
      }
      if (c === '"') {
        if (this.quoteClosed) {
          // "" inside a quoted field is one quote character.
          field += '"';
          this.inQuotes = true;
          this.quoteClosed = false;
        } else if (field.trim() === '') {
          field = '';
          this.inQuotes = true;
          this.unterminatedAt = this.line;
        } else field += c;
        continue;
      }
      this.quoteClosed = false;
      if (c === d) {
        this.row.push(field);
        field = '';
      } else if (c === '\n' || c === '\r') {
        this.row.push(field);
        field = '';
        this.emit();
        this.line += 1;
        this.rowLine = this.line;
        if (c === '\r') this.pendingCR = true;
      } else field += c;
    }
    this.field = field;
  }

  /** Flushes the last row; returns the line of an unterminated quote, if any. */
  end(): { unterminatedQuoteLine?: number } {
    if (this.inQuotes) return { unterminatedQuoteLine: this.unterminatedAt ?? this.rowLine };
    if (this.field !== '' || this.row.length > 0) {
      this.row.push(this.field);
      this.field = '';
      this.emit();
    }
    return {};
  }

  private emit(): void {
    const fields = this.row;
    this.row = [];
    this.quoteClosed = false;
    // Blank lines carry nothing.
    if (fields.length === 1 && fields[0]!.trim() === '') return;
    this.onRow({ fields, line: this.rowLine });
  }
}

/** The delimiter that splits the header line into the most consistent columns. */
export function detectDelimiter(sample: string): string {
  const lines = sample.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 10);
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
