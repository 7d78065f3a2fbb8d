/**
 * SWIFT MT940 (customer statement), MT942 (interim report) and MT950
 * (statement without details) into parsed statements. Every problem names the
 * line, the tag and what was expected.
 *
 * Statements run to hundreds of thousands of transactions, so tags are read
 * as they come (no line array, no tag objects for `:61:`/`:86:`) and every
 * entry is built once with the same fields, which keeps the record builder
 * downstream on one object shape.
 */
import { isCurrencyCode } from '../../money/currency.ts';
import { IssueCollector } from '../import-issues.ts';
import { parsedStatement, type ParsedBalance, type ParsedEntry, type ParsedStatement, type ParseOutput } from '../parsed-statement.ts';
import { parseYymmdd } from '../parse-date.ts';
import { parseDecimalText } from '../parse-decimal-text.ts';
import { MtTagReader, type MtTag } from './mt-tags.ts';
import { parse61, type Mt61Line } from './mt61-line.ts';
import { parseMt86 } from './mt86-details.ts';

const SWIFT_NUMBER = { decimal: ',' } as const;

function negate(amount: string): string {
  return amount.startsWith('-') ? amount.slice(1) : /^[0.]+$/.test(amount) ? amount : `-${amount}`;
}

function parseAmount(text: string, tag: MtTag, field: string, issues: IssueCollector): string | undefined {
  if (!text.includes(',')) {
    issues.error({ code: 'invalid_amount', line: tag.line, field: `:${tag.tag}: ${field}`, message: `${JSON.stringify(text)} has no decimal comma (SWIFT amounts look like "1250,00")` });
    return undefined;
  }
  const parsed = parseDecimalText(text, SWIFT_NUMBER);
  if (!parsed.ok) {
    issues.error({ code: 'invalid_amount', line: tag.line, field: `:${tag.tag}: ${field}`, message: parsed.message });
    return undefined;
  }
  return parsed.value;
}

function parseBalance(tag: MtTag, issues: IssueCollector): ParsedBalance | undefined {
  const m = /^([CD])(\d{6})([A-Z]{3})(\S+)\s*$/.exec(tag.lines[0] ?? '');
  if (!m) {
    issues.error({ code: 'invalid_balance', line: tag.line, field: `:${tag.tag}:`, message: `${JSON.stringify(tag.lines[0])} is not a balance (expected C or D, YYMMDD, currency, amount, e.g. "C200219EUR3085,00")` });
    return undefined;
  }
  const date = parseYymmdd(m[2]!);
  if (!date.ok) {
    issues.error({ code: 'invalid_date', line: tag.line, field: `:${tag.tag}: date`, message: date.message });
    return undefined;
  }
  const amount = parseAmount(m[4]!, tag, 'amount', issues);
  if (amount === undefined) return undefined;
  return { amount: m[1] === 'D' ? negate(amount) : amount, currency: m[3]!, date: date.value };
}

/** An entry while its statement is read: `:86:` may still add details. */
interface EntryDraft {
  date: string;
  valueDate: string;
  amount: string;
  currency: string;
  reversal: boolean;
  typeCode: string;
  reference: string | undefined;
  bankReference: string | undefined;
  counterparty: string | undefined;
  description: string | undefined;
  line: number;
  raw: Record<string, string>;
}

const NO_RAW: Record<string, string> = Object.freeze({}) as Record<string, string>;

function newEntry(t: Mt61Line, currency: string, line: number): EntryDraft {
  return {
    date: t.date,
    valueDate: t.valueDate,
    amount: t.amount,
    currency,
    reversal: t.reversal,
    typeCode: t.typeCode,
    reference: t.reference,
    bankReference: t.bankReference,
    counterparty: undefined,
    description: t.description,
    line,
    // Set when the entry is complete, that is when the next tag is known not to be its :86:.
    raw: NO_RAW,
  };
}

/**
 * Provenance: the tags as the file gives them. The entry's place in its
 * statement is the record's `provenance.entry`, so it is not repeated here.
 */
function rawOf(raw61: string, fundsCode: string | undefined, raw86: string | undefined): Record<string, string> {
  if (fundsCode === undefined) return raw86 === undefined ? { ':61:': raw61 } : { ':61:': raw61, ':86:': raw86 };
  return raw86 === undefined ? { ':61:': raw61, fundsCode } : { ':61:': raw61, fundsCode, ':86:': raw86 };
}

/** The last booking text + purpose joined: recurring payments repeat both, and one copy is kept for all. */
const lastDescription = { booking: '', text: '', joined: '' };

function describe(booking: string, text: string): string {
  const last = lastDescription;
  if (booking !== last.booking || text !== last.text) {
    last.booking = booking;
    last.text = text;
    // join makes one flat string; `+` would keep a rope of three parts alive in every entry.
    last.joined = [booking, text].join(' — ');
  }
  return last.joined;
}

function add86(e: EntryDraft, reader: MtTagReader): void {
  const info = parseMt86(reader.first, reader.more);
  // An end-to-end id from :86: beats the :61: customer reference: it is what the books carry.
  if (info.reference) e.reference = info.reference;
  if (info.counterparty) e.counterparty = info.counterparty;
  const text = info.description ?? e.description;
  e.description = info.bookingText ? (text ? describe(info.bookingText, text) : info.bookingText) : text;
}

const joined = (reader: MtTagReader): string => (reader.more ? reader.lines().join('\n') : reader.first);

const IGNORED = new Set(['21', '13', '13D', '64', '65', '90C', '90D', 'NS']);

/** One statement (`:20:` to terminator) as it is read. */
class StatementReader {
  id: string | undefined;
  account: string | undefined;
  sequence: string | undefined;
  opening: ParsedBalance | undefined;
  closing: ParsedBalance | undefined;
  currency: string | undefined;
  readonly entries: EntryDraft[] = [];
  previous: string | undefined;
  // The last :61: entry until its raw fields are known.
  private pending: EntryDraft | undefined;
  private pendingRaw = '';
  private pendingFunds: string | undefined;

  constructor(
    readonly line: number,
    private readonly issues: IssueCollector,
  ) {}

  read(reader: MtTagReader): void {
    const tag = reader.tag;
    if (tag === '86' && this.previous === '61' && this.entries.length > 0) {
      const pending = this.pending;
      if (pending) {
        add86(pending, reader);
        pending.raw = rawOf(this.pendingRaw, this.pendingFunds, joined(reader));
        this.pending = undefined;
      } else {
        // The :61: before this :86: was unreadable: the details go to the entry before it, as they always have.
        const last = this.entries[this.entries.length - 1]!;
        add86(last, reader);
        last.raw = { ...last.raw, ':86:': joined(reader) };
      }
    } else {
      this.flush();
      if (tag === '61') this.read61(reader);
      else if (tag !== '86') this.readOther(reader);
    }
    this.previous = tag;
  }

  private read61(reader: MtTagReader): void {
    const t = parse61(reader.first, reader.more, reader.line, this.currency !== undefined, this.issues);
    if (!t) return;
    const entry = newEntry(t, this.currency!, reader.line);
    this.entries.push(entry);
    this.pending = entry;
    this.pendingRaw = joined(reader);
    this.pendingFunds = t.fundsCode;
  }

  private readOther(reader: MtTagReader): void {
    const tag = reader.tag;
    switch (tag) {
      case '20':
        this.id = reader.first.trim();
        break;
      case '25':
        this.account = reader.first.trim();
        break;
      case '28':
      case '28C':
        this.sequence = reader.first.trim();
        break;
      case '60F':
      case '60M': {
        const balance = parseBalance(reader.toTag(), this.issues);
        // The first opening balance opens the statement; later :60M: are page carry-overs.
        if (balance && !this.opening) this.opening = balance;
        this.currency ??= balance?.currency;
        break;
      }
      case '62F':
      case '62M': {
        const balance = parseBalance(reader.toTag(), this.issues);
        if (balance) this.closing = balance;
        break;
      }
      case '34F':
        this.currency ??= /^([A-Z]{3})/.exec(reader.first.trim())?.[1];
        break;
      default:
        if (!IGNORED.has(tag)) this.issues.warn({ code: 'unknown_tag', line: reader.line, field: `:${tag}:`, message: `unknown tag :${tag}: ignored` });
    }
  }

  /** Completes the pending entry: no :86: follows it. */
  flush(): void {
    const pending = this.pending;
    if (!pending) return;
    pending.raw = rawOf(this.pendingRaw, this.pendingFunds, undefined);
    this.pending = undefined;
  }

  finish(): ParsedStatement {
    this.flush();
    const { issues, currency, account, line } = this;
    if (currency && !isCurrencyCode(currency)) {
      issues.error({ code: 'invalid_currency', line, field: ':60F: currency', message: `${JSON.stringify(currency)} is not an ISO 4217 currency code` });
    }
    if (!account) issues.error({ code: 'missing_account', line, field: ':25:', message: 'the statement has no account identification (:25:)' });
    const { id, sequence, opening, closing } = this;
    return parsedStatement({ id, sequence, account, currency, opening, closing, entries: this.entries as ParsedEntry[], line });
  }
}

export function parseMt940(text: string, options: { errorLimit?: number } = {}): ParseOutput {
  const issues = new IssueCollector(options.errorLimit);
  const statements: ParsedStatement[] = [];
  const reader = new MtTagReader(text);
  let statement: StatementReader | undefined;
  while (reader.next()) {
    if (reader.startsBlock || !statement) {
      if (statement) statements.push(statement.finish());
      statement = new StatementReader(reader.line, issues);
    }
    statement.read(reader);
  }
  if (statement) statements.push(statement.finish());
  else issues.error({ code: 'no_statement', line: 1, message: 'no SWIFT statement found (expected tags such as :20:, :25:, :60F:, :61:)' });
  return { statements, warnings: issues.warnings, errors: issues.allErrors() };
}
