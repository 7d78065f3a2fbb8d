/**
 * CSV exports into one parsed statement through a mapping profile. Rows are
 * converted as they stream in; the first rows are held back only long enough
 * to settle the date layout and decimal separator when the profile says `auto`.
 */
import { isCurrencyCode } from '../../money/currency.ts';
import { IssueCollector } from '../import-issues.ts';
import type { EntryListener, ParsedEntry, ParseOutput } from '../parsed-statement.ts';
import { isPlainDecimal, parseDecimalText, type NumberFormat } from '../parse-decimal-text.ts';
import { detectDateFormat, parseDateAs } from './csv-dates.ts';
import type { CsvField, CsvProfile, DateFormat } from './csv-profile.ts';
import { CsvReader, detectDelimiter, type CsvRow } from './csv-reader.ts';

const SAMPLE_ROWS = 200;
const CURRENCY_SYMBOLS = /[$€£¥₹₣]|\bCHF\b|\bEUR\b|\bUSD\b/g;

/** Parsed dates kept for reuse: exports repeat few dates many times, and one string per date is less to hold. */
const DATE_CACHE_LIMIT = 20_000;

/** Column positions by field, -1 where the profile's column is absent. */
type ColumnIndexes = Readonly<Record<CsvField, number>>;

const normalizeHeader = (h: string) => h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');

/** Comma decimals when amounts end in ",dd" and none end in ".dd"; points otherwise. */
export function detectDecimal(samples: readonly string[]): '.' | ',' {
  let comma = 0;
  let point = 0;
  for (const s of samples) {
    const t = s.trim();
    if (/,\d{1,2}\)?-?$/.test(t)) comma += 1;
    else if (/\.\d{1,2}\)?-?$/.test(t)) point += 1;
  }
  return comma > point ? ',' : '.';
}

export interface CsvParseOptions {
  readonly profile: CsvProfile;
  /** When given, entries go here as they are read and are not kept. */
  readonly onEntry?: EntryListener;
  readonly defaultCurrency?: string;
  readonly errorLimit?: number;
}

export class CsvParser {
  private readonly issues: IssueCollector;
  private reader: CsvReader | undefined;
  private sampleText = '';
  private skipped = 0;
  private columns: Partial<Record<CsvField, number>> | undefined;
  private at: ColumnIndexes | undefined;
  /** Rows held until the date layout and decimal separator are settled, with their source text. */
  private pending: { row: CsvRow; text: string | undefined }[] = [];
  private readonly dates = new Map<string, string>();
  /** The last currency cell and the code it gave: most files hold one currency. */
  private currencyText: string | undefined;
  private currencyCode = '';
  private dateFormat: Exclude<DateFormat, 'auto'> | undefined;
  private number: NumberFormat | undefined;
  private readonly entries: ParsedEntry[] = [];
  private header: string[] = [];
  private delimiter = ',';
  /** Required columns are missing: rows are not read, the header error says why. */
  private unusable = false;

  constructor(private readonly options: CsvParseOptions) {
    this.issues = new IssueCollector(options.errorLimit);
  }

  write(chunk: string): void {
    if (!this.reader) {
      // The delimiter is decided from the first few lines.
      this.sampleText += chunk;
      if (this.sampleText.length < 4096 && !/([\r\n].*){10}/.test(this.sampleText)) return;
      this.start(this.sampleText);
      return;
    }
    this.reader.write(chunk);
  }

  end(): ParseOutput {
    if (!this.reader) this.start(this.sampleText);
    const tail = this.reader!.end();
    if (tail.unterminatedQuoteLine !== undefined) {
      this.issues.error({ code: 'unterminated_quote', line: tail.unterminatedQuoteLine, message: 'a quoted field is never closed (missing ")' });
    }
    this.flushPending();
    if (!this.columns && this.issues.errors.length === 0) this.issues.error({ code: 'empty_file', line: 1, message: 'the file has no rows' });
    return { statements: [{ entries: this.entries }], warnings: this.issues.warnings, errors: this.issues.allErrors() };
  }

  private start(text: string): void {
    this.delimiter = this.options.profile.delimiter ?? detectDelimiter(text);
    this.reader = new CsvReader(this.delimiter, (row, rowText) => this.addRow(row, rowText));
    this.reader.write(text);
  }

  private resolve(header: readonly string[] | undefined): void {
    const { columns } = this.options.profile;
    const names = header?.map(normalizeHeader);
    const resolved: Partial<Record<CsvField, number>> = {};
    for (const [field, spec] of Object.entries(columns) as [CsvField, CsvProfile['columns'][CsvField]][]) {
      if (spec === undefined) continue;
      for (const choice of Array.isArray(spec) ? spec : [spec]) {
        const index = typeof choice === 'number' ? choice - 1 : (names?.indexOf(normalizeHeader(choice)) ?? -1);
        if (index >= 0 && (header === undefined || index < header.length)) {
          resolved[field] = index;
          break;
        }
      }
    }
    const where = header ? `header ${JSON.stringify(header.join(this.options.profile.delimiter ?? ','))}` : 'the profile';
    if (resolved.date === undefined) this.issues.error({ code: 'missing_column', line: this.skipped + 1, field: 'date', message: `no date column found in ${where}` });
    if (resolved.amount === undefined && resolved.debit === undefined && resolved.credit === undefined) {
      this.issues.error({ code: 'missing_column', line: this.skipped + 1, field: 'amount', message: `no amount column (or debit/credit columns) found in ${where}` });
    }
    this.columns = resolved;
    const at = {} as Record<CsvField, number>;
    for (const field of Object.keys(columns) as CsvField[]) at[field] = resolved[field] ?? -1;
    this.at = at;
    this.unusable = resolved.date === undefined || (resolved.amount === undefined && resolved.debit === undefined && resolved.credit === undefined);
  }

  /**
   * Feeds one already-split row (spreadsheets come as rows, not text). `text`,
   * when given, must be the fields joined by the delimiter: it is kept as the
   * row's provenance instead of joining them again.
   */
  addRow(row: CsvRow, text?: string): void {
    if (this.skipped < this.options.profile.skipRows) {
      this.skipped += 1;
      return;
    }
    if (!this.columns) {
      if (this.options.profile.header) {
        this.header = row.fields;
        this.resolve(row.fields);
        return;
      }
      this.resolve(undefined);
    }
    if (this.unusable) return;
    if (!this.dateFormat) {
      this.pending.push({ row, text });
      if (this.pending.length >= SAMPLE_ROWS) this.flushPending();
      return;
    }
    this.convert(row, text);
  }

  private flushPending(): void {
    if (this.pending.length === 0 || !this.columns || this.unusable) return;
    const { profile } = this.options;
    const c = this.columns;
    const sample = (i: number | undefined) => (i === undefined ? [] : this.pending.map((r) => r.row.fields[i] ?? ''));
    this.dateFormat = profile.dateFormat === 'auto' ? detectDateFormat(sample(c.date)) : profile.dateFormat;
    const decimal = profile.decimal === 'auto' ? detectDecimal([...sample(c.amount), ...sample(c.debit), ...sample(c.credit)]) : profile.decimal;
    const thousands = profile.thousands.length > 0 ? profile.thousands : decimal === ',' ? ['.', ' ', '\u00a0', "'"] : [',', ' ', '\u00a0', "'"];
    this.number = { decimal, thousands };
    const rows = this.pending;
    this.pending = [];
    for (const r of rows) this.convert(r.row, r.text);
  }

  private cell(row: CsvRow, field: CsvField): string | undefined {
    const i = this.at![field];
    if (i < 0) return undefined;
    const v = row.fields[i];
    if (v === undefined || v === '') return undefined;
    // Printable ASCII at both ends: nothing to trim, and no call to find that out.
    const first = v.charCodeAt(0);
    const last = v.charCodeAt(v.length - 1);
    if (first > 32 && first < 127 && last > 32 && last < 127) return v;
    const t = v.trim();
    return t === '' ? undefined : t;
  }

  /** The ISO date for a cell of the file's date layout; one string per distinct date. */
  private dateOf(text: string): string | undefined {
    const known = this.dates.get(text);
    if (known !== undefined) return known;
    const date = parseDateAs(text, this.dateFormat!);
    if (date !== undefined) {
      if (this.dates.size >= DATE_CACHE_LIMIT) this.dates.clear();
      this.dates.set(text, date);
    }
    return date;
  }

  /** The currency a row's currency cell (or else the default) names, upper-cased, before it is checked. */
  private currencyNamed(text: string | undefined): string | undefined {
    return (text ?? this.options.profile.defaultCurrency ?? this.options.defaultCurrency)?.toUpperCase();
  }

  /** The row's ISO 4217 code, or undefined when it names none. */
  private currencyOf(text: string | undefined): string | undefined {
    if (text !== undefined && text === this.currencyText) return this.currencyCode;
    const code = this.currencyNamed(text);
    if (!code || !isCurrencyCode(code)) return undefined;
    if (text !== undefined) {
      this.currencyText = text;
      this.currencyCode = code;
    }
    return code;
  }

  private amountOf(row: CsvRow, field: CsvField): string | undefined | null {
    const text = this.cell(row, field);
    if (text === undefined) return undefined;
    // A plain "-1234.50" holds no currency symbol and needs no rewriting.
    if (this.number!.decimal === '.' && isPlainDecimal(text)) return text;
    const parsed = parseDecimalText(text.replace(CURRENCY_SYMBOLS, ''), this.number!);
    if (!parsed.ok) {
      this.issues.error({ code: 'invalid_amount', line: row.line, field: this.headerName(field), message: parsed.message });
      return null;
    }
    return parsed.value;
  }

  private headerName(field: CsvField): string {
    const i = this.columns?.[field];
    return i !== undefined && this.header[i] ? `${field} ("${this.header[i]}")` : field;
  }

  private convert(row: CsvRow, text: string | undefined): void {
    const { profile } = this.options;
    const dateText = this.cell(row, 'date');
    const date = dateText === undefined ? undefined : this.dateOf(dateText);
    if (!date) {
      this.issues.error({ code: 'invalid_date', line: row.line, field: this.headerName('date'), message: dateText ? `${JSON.stringify(dateText)} is not a date in the layout ${this.dateFormat}` : 'is empty, expected a date' });
      return;
    }
    let amount: string | undefined;
    const single = this.amountOf(row, 'amount');
    if (single === null) return;
    if (single !== undefined) amount = single;
    else {
      const debit = this.amountOf(row, 'debit');
      const credit = this.amountOf(row, 'credit');
      if (debit === null || credit === null) return;
      const magnitude = (v: string | undefined) => (v ?? '0').replace(/^-/, '');
      const out = profile.debitIs === 'money_out';
      if (debit !== undefined && debit !== '0' && !/^[0.]+$/.test(magnitude(debit))) amount = out ? `-${magnitude(debit)}` : magnitude(debit);
      else if (credit !== undefined) amount = out ? magnitude(credit) : /^[0.]+$/.test(magnitude(credit)) ? magnitude(credit) : `-${magnitude(credit)}`;
    }
    if (amount === undefined) {
      this.issues.error({ code: 'missing_amount', line: row.line, field: 'amount', message: 'the row has no amount (amount, debit and credit are all empty)' });
      return;
    }
    if (profile.negate && !/^-?[0.]+$/.test(amount)) amount = amount.startsWith('-') ? amount.slice(1) : `-${amount}`;
    const currencyText = this.cell(row, 'currency');
    const currency = this.currencyOf(currencyText);
    if (currency === undefined) {
      const named = this.currencyNamed(currencyText);
      this.issues.error({
        code: 'invalid_currency',
        line: row.line,
        field: this.headerName('currency'),
        message: named ? `${JSON.stringify(named)} is not an ISO 4217 currency code` : 'no currency column and no default currency in the profile',
      });
      return;
    }
    const valueText = this.cell(row, 'valueDate');
    // One literal, one shape for every row (fields the row lacks are undefined):
    // this runs for every row of million-row files.
    const entry: ParsedEntry = {
      date,
      amount,
      currency,
      line: row.line,
      raw: { row: text ?? row.fields.join(this.delimiter) },
      valueDate: valueText === undefined ? undefined : valueText === dateText ? date : this.dateOf(valueText),
      reference: this.cell(row, 'reference'),
      counterparty: this.cell(row, 'counterparty'),
      description: this.cell(row, 'description'),
      bankReference: this.cell(row, 'id'),
      securityId: this.cell(row, 'securityId'),
      account: this.cell(row, 'account'),
      // `dateOf` returns only real dates and `currencyOf` only ISO 4217 codes.
      checked: true,
    };
    if (this.options.onEntry) this.options.onEntry(entry, 0, undefined);
    else this.entries.push(entry);
  }
}

export function parseCsv(text: string, options: CsvParseOptions): ParseOutput {
  const parser = new CsvParser(options);
  parser.write(text);
  return parser.end();
}
