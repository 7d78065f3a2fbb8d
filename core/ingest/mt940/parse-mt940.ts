/**
 * SWIFT MT940 (customer statement), MT942 (interim report) and MT950
 * (statement without details) into parsed statements. Every problem names the
 * line, the tag and what was expected.
 */
import { isCurrencyCode } from '../../money/currency.ts';
import { splitLines } from '../decode-text.ts';
import { IssueCollector } from '../import-issues.ts';
import { parsedStatement, type ParsedBalance, type ParsedEntry, type ParsedStatement, type ParseOutput } from '../parsed-statement.ts';
import { parseMmddNear, parseYymmdd } from '../parse-date.ts';
import { parseDecimalText } from '../parse-decimal-text.ts';
import { splitMtBlocks, type MtTag } from './mt-tags.ts';
import { parseMt86 } from './mt86-details.ts';

const SWIFT_NUMBER = { decimal: ',' } as const;

/** `:61:` value date, entry date, mark, funds code, amount, type, references. */
const LINE_61 = /^(\d{6})(\d{4}|\s{4})?(RC|RD|EC|ED|C|D)([A-Z])?(\d[\d,]*)([A-Z][A-Z0-9 ]{3})(.*)$/;

function signFor(mark: string): 1 | -1 {
  // RD reverses a debit (money back in); RC reverses a credit.
  return mark === 'C' || mark === 'RD' || mark === 'EC' ? 1 : -1;
}

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

interface Draft {
  entry: Omit<ParsedEntry, 'description' | 'counterparty'> & { description?: string; counterparty?: string; reference?: string };
}

function parse61(tag: MtTag, currency: string | undefined, entryIndex: number, issues: IssueCollector): Draft | undefined {
  const first = tag.lines[0] ?? '';
  const m = LINE_61.exec(first);
  if (!m) {
    issues.error({
      code: 'invalid_transaction',
      line: tag.line,
      field: ':61:',
      message: `${JSON.stringify(first)} is not a statement line (expected value date YYMMDD, optional entry date MMDD, C/D/RC/RD, amount with decimal comma, transaction type such as NTRF)`,
    });
    return undefined;
  }
  const [, valueRaw, entryRaw, mark, fundsCode, amountRaw, type, rest] = m as unknown as [string, string, string | undefined, string, string | undefined, string, string, string];
  const valueDate = parseYymmdd(valueRaw);
  if (!valueDate.ok) {
    issues.error({ code: 'invalid_date', line: tag.line, field: ':61: value date', message: valueDate.message });
    return undefined;
  }
  let date = valueDate.value;
  if (entryRaw && entryRaw.trim() !== '') {
    const entryDate = parseMmddNear(entryRaw, valueDate.value);
    if (!entryDate.ok) {
      issues.error({ code: 'invalid_date', line: tag.line, field: ':61: entry date', message: entryDate.message });
      return undefined;
    }
    date = entryDate.value;
  }
  const amount = parseAmount(amountRaw, tag, 'amount', issues);
  if (amount === undefined) return undefined;
  if (!currency) {
    issues.error({ code: 'missing_currency', line: tag.line, field: ':61:', message: 'the statement has no opening balance (:60F:) or floor limit (:34F:) to take the currency from' });
    return undefined;
  }
  const [customerRef = '', bankRef] = rest.split('//');
  if (customerRef.trim() === '') {
    issues.warn({ code: 'missing_reference', line: tag.line, field: ':61: reference', message: 'no customer reference after the transaction type (SWIFT expects one, e.g. NONREF)' });
  }
  const details = tag.lines.slice(1).join(' ').trim();
  const reference = customerRef.trim();
  return {
    entry: {
      date,
      valueDate: valueDate.value,
      amount: signFor(mark) === 1 ? amount : negate(amount),
      currency,
      reversal: mark.startsWith('R'),
      typeCode: type.trim(),
      ...(reference && !/^NONREF$/i.test(reference) ? { reference } : {}),
      ...(bankRef?.trim() ? { bankReference: bankRef.trim() } : {}),
      ...(details ? { description: details } : {}),
      line: tag.line,
      raw: { ':61:': tag.lines.join('\n'), ...(fundsCode ? { fundsCode } : {}), entry: String(entryIndex) },
    },
  };
}

function attach86(draft: Draft, tag: MtTag): void {
  const info = parseMt86(tag.lines);
  const e = draft.entry;
  const raw = { ...e.raw, ':86:': tag.lines.join('\n') };
  draft.entry = {
    ...e,
    // An end-to-end id from :86: beats the :61: customer reference: it is what the books carry.
    ...(info.reference ? { reference: info.reference } : {}),
    ...(info.counterparty ? { counterparty: info.counterparty } : {}),
    description: [info.bookingText, info.description ?? e.description].filter(Boolean).join(' — ') || e.description,
    raw,
  };
}

export function parseMt940(text: string, options: { errorLimit?: number } = {}): ParseOutput {
  const issues = new IssueCollector(options.errorLimit);
  const statements: ParsedStatement[] = [];
  const blocks = splitMtBlocks(splitLines(text));
  if (blocks.length === 0) issues.error({ code: 'no_statement', line: 1, message: 'no SWIFT statement found (expected tags such as :20:, :25:, :60F:, :61:)' });
  for (const block of blocks) {
    let id: string | undefined;
    let account: string | undefined;
    let sequence: string | undefined;
    let opening: ParsedBalance | undefined;
    let closing: ParsedBalance | undefined;
    let currency: string | undefined;
    const drafts: Draft[] = [];
    let previous: string | undefined;
    for (const tag of block.tags) {
      const value = (tag.lines[0] ?? '').trim();
      switch (tag.tag) {
        case '20':
          id = value;
          break;
        case '25':
          account = value;
          break;
        case '28':
        case '28C':
          sequence = value;
          break;
        case '60F':
        case '60M': {
          const balance = parseBalance(tag, issues);
          // The first opening balance opens the statement; later :60M: are page carry-overs.
          if (balance && !opening) opening = balance;
          currency ??= balance?.currency;
          break;
        }
        case '62F':
        case '62M': {
          const balance = parseBalance(tag, issues);
          if (balance) closing = balance;
          break;
        }
        case '34F': {
          const ccy = /^([A-Z]{3})/.exec(value)?.[1];
          currency ??= ccy;
          break;
        }
        case '61': {
          const draft = parse61(tag, currency, drafts.length, issues);
          if (draft) drafts.push(draft);
          break;
        }
        case '86':
          if (previous === '61' && drafts.length > 0) attach86(drafts[drafts.length - 1]!, tag);
          break;
        case '21':
        case '13':
        case '13D':
        case '64':
        case '65':
        case '90C':
        case '90D':
        case 'NS':
          break;
        default:
          issues.warn({ code: 'unknown_tag', line: tag.line, field: `:${tag.tag}:`, message: `unknown tag :${tag.tag}: ignored` });
      }
      previous = tag.tag;
    }
    if (currency && !isCurrencyCode(currency)) {
      issues.error({ code: 'invalid_currency', line: block.line, field: ':60F: currency', message: `${JSON.stringify(currency)} is not an ISO 4217 currency code` });
    }
    if (!account) issues.error({ code: 'missing_account', line: block.line, field: ':25:', message: 'the statement has no account identification (:25:)' });
    statements.push(parsedStatement({ id, sequence, account, currency, opening, closing, entries: drafts.map((d) => d.entry as ParsedEntry), line: block.line }));
  }
  return { statements, warnings: issues.warnings, errors: issues.allErrors() };
}
