/**
 * The `:61:` statement line: value date, entry date, mark, funds code, amount,
 * type, references. A positional scan reads the common shape; anything else
 * (whitespace entry dates, odd amounts, every error) goes through the regex
 * reading, so both agree and every problem keeps its message.
 */
import type { IssueCollector } from '../import-issues.ts';
import { parseMmddNear, parseYymmdd } from '../parse-date.ts';
import { parseDecimalText } from '../parse-decimal-text.ts';
import { isSpaceAt } from './mt-text.ts';

/** What `:61:` says about one transaction, before `:86:` adds details. */
export interface Mt61Line {
  date: string;
  valueDate: string;
  amount: string;
  reversal: boolean;
  typeCode: string;
  reference: string | undefined;
  bankReference: string | undefined;
  description: string | undefined;
  fundsCode: string | undefined;
}

const SWIFT_NUMBER = { decimal: ',' } as const;
const LINE_61 = /^(\d{6})(\d{4}|\s{4})?(RC|RD|EC|ED|C|D)([A-Z])?(\d[\d,]*)([A-Z][A-Z0-9 ]{3})(.*)$/;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;

/** Statements repeat a few dates thousands of times: validate each once (bounded, as a server parses many files). */
const valueDates = new Map<number, string>();
const entryDates = new Map<number, string>();
const DATE_CACHE_LIMIT = 4096;
const remember = (cache: Map<number, string>, key: number, value: string): void => {
  if (cache.size >= DATE_CACHE_LIMIT) cache.clear();
  cache.set(key, value);
};
let lastType = 'NTRF';

function digitsAt(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

function negate(amount: string): string {
  return amount.startsWith('-') ? amount.slice(1) : /^[0.]+$/.test(amount) ? amount : `-${amount}`;
}

const signFor = (mark: string): 1 | -1 => (mark === 'C' || mark === 'RD' || mark === 'EC' ? 1 : -1);

function refs(rest: string): { reference: string; bankReference: string | undefined } {
  const [customerRef = '', bankRef] = rest.split('//');
  return { reference: customerRef.trim(), bankReference: bankRef?.trim() || undefined };
}

const scanned: Mt61Line = { date: '', valueDate: '', amount: '', reversal: false, typeCode: '', reference: undefined, bankReference: undefined, description: undefined, fundsCode: undefined };

/**
 * The same reading without the regex; undefined when the line needs the full
 * treatment. The result is reused by the next call.
 */
export function scan61(first: string, details: string): Mt61Line | undefined {
  const n = first.length;
  const valueKey = digitsAt(first, 0, 6);
  if (valueKey < 0 || n < 12) return undefined;
  let valueDate = valueDates.get(valueKey);
  if (valueDate === undefined) {
    const parsed = parseYymmdd(first.slice(0, 6));
    if (!parsed.ok) return undefined;
    valueDate = parsed.value;
    remember(valueDates, valueKey, valueDate);
  }
  let p = 6;
  let date = valueDate;
  if (isDigit(first.charCodeAt(6))) {
    const mmdd = digitsAt(first, 6, 4);
    if (mmdd < 0) return undefined;
    const key = valueKey * 10000 + mmdd;
    let entry = entryDates.get(key);
    if (entry === undefined) {
      const parsed = parseMmddNear(first.slice(6, 10), valueDate);
      if (!parsed.ok) return undefined;
      entry = parsed.value;
      remember(entryDates, key, entry);
    }
    date = entry;
    p = 10;
  }
  // Mark: C, D, RC, RD, EC, ED. RD reverses a debit (money back in); RC reverses a credit.
  let c = first.charCodeAt(p);
  let credit: boolean;
  let reversal = false;
  if (c === 67 || c === 68) credit = c === 67;
  else if (c === 82 || c === 69) {
    const d = first.charCodeAt(p + 1);
    if (d !== 67 && d !== 68) return undefined;
    reversal = c === 82;
    credit = reversal ? d === 68 : d === 67;
    p += 1;
  } else return undefined;
  p += 1;
  c = first.charCodeAt(p);
  let fundsCode: string | undefined;
  if (isUpper(c)) {
    fundsCode = first[p];
    p += 1;
    c = first.charCodeAt(p);
  }
  if (!isDigit(c)) return undefined;
  const amountStart = p;
  let comma = -1;
  for (; p < n; p++) {
    c = first.charCodeAt(p);
    if (c === 44) {
      if (comma !== -1) return undefined;
      comma = p;
    } else if (!isDigit(c)) break;
  }
  if (comma === -1 || p + 4 > n || !isUpper(first.charCodeAt(p))) return undefined;
  for (let i = p + 1; i < p + 4; i++) {
    const t = first.charCodeAt(i);
    if (!isUpper(t) && !isDigit(t) && t !== 32) return undefined;
  }
  // Leading zeros go ("0012,50" is 12.50); an empty fraction goes ("9," is 9).
  let wholeStart = amountStart;
  let nonZero = false;
  while (wholeStart < comma - 1 && first.charCodeAt(wholeStart) === 48) wholeStart++;
  for (let i = wholeStart; i < p; i++) if (first.charCodeAt(i) > 48) nonZero = true;
  const digits = comma === p - 1 ? first.slice(wholeStart, comma) : first.slice(wholeStart, comma) + '.' + first.slice(comma + 1, p);
  const amount = credit || !nonZero ? digits : '-' + digits;
  let typeEnd = p + 4;
  while (first.charCodeAt(typeEnd - 1) === 32) typeEnd--;
  let typeCode = lastType;
  if (typeEnd - p !== typeCode.length || !first.startsWith(typeCode, p)) typeCode = lastType = first.slice(p, typeEnd);
  // References: customer reference, then `//` and the bank's reference.
  p += 4;
  let refStart = p;
  const slashes = first.indexOf('//', p);
  let refEnd = slashes === -1 ? n : slashes;
  while (refStart < refEnd && isSpaceAt(first, refStart)) refStart++;
  while (refEnd > refStart && isSpaceAt(first, refEnd - 1)) refEnd--;
  if (refStart === refEnd) return undefined;
  let bankReference: string | undefined;
  if (slashes !== -1) {
    let bankStart = slashes + 2;
    const next = first.indexOf('//', bankStart);
    let bankEnd = next === -1 ? n : next;
    while (bankStart < bankEnd && isSpaceAt(first, bankStart)) bankStart++;
    while (bankEnd > bankStart && isSpaceAt(first, bankEnd - 1)) bankEnd--;
    if (bankEnd > bankStart) bankReference = first.slice(bankStart, bankEnd);
  }
  const reference = refEnd - refStart === 6 && /^NONREF$/i.test(first.slice(refStart, refEnd)) ? undefined : first.slice(refStart, refEnd);
  // One result object for every line: the caller copies it into its entry at once.
  const out = scanned;
  out.date = date;
  out.valueDate = valueDate;
  out.amount = amount;
  out.reversal = reversal;
  out.typeCode = typeCode;
  out.reference = reference;
  out.bankReference = bankReference;
  out.description = details || undefined;
  out.fundsCode = fundsCode;
  return out;
}

function parseAmount(text: string, line: number, issues: IssueCollector): string | undefined {
  if (!text.includes(',')) {
    issues.error({ code: 'invalid_amount', line, field: ':61: amount', message: `${JSON.stringify(text)} has no decimal comma (SWIFT amounts look like "1250,00")` });
    return undefined;
  }
  const parsed = parseDecimalText(text, SWIFT_NUMBER);
  if (!parsed.ok) {
    issues.error({ code: 'invalid_amount', line, field: ':61: amount', message: parsed.message });
    return undefined;
  }
  return parsed.value;
}

/** The full reading with the regex: rare shapes and every error and warning. */
export function match61(first: string, details: string, line: number, hasCurrency: boolean, issues: IssueCollector): Mt61Line | undefined {
  const m = LINE_61.exec(first);
  if (!m) {
    issues.error({
      code: 'invalid_transaction',
      line,
      field: ':61:',
      message: `${JSON.stringify(first)} is not a statement line (expected value date YYMMDD, optional entry date MMDD, C/D/RC/RD, amount with decimal comma, transaction type such as NTRF)`,
    });
    return undefined;
  }
  const [, valueRaw, entryRaw, mark, fundsCode, amountRaw, type, rest] = m as unknown as [string, string, string | undefined, string, string | undefined, string, string, string];
  const valueDate = parseYymmdd(valueRaw);
  if (!valueDate.ok) {
    issues.error({ code: 'invalid_date', line, field: ':61: value date', message: valueDate.message });
    return undefined;
  }
  let date = valueDate.value;
  if (entryRaw && entryRaw.trim() !== '') {
    const entryDate = parseMmddNear(entryRaw, valueDate.value);
    if (!entryDate.ok) {
      issues.error({ code: 'invalid_date', line, field: ':61: entry date', message: entryDate.message });
      return undefined;
    }
    date = entryDate.value;
  }
  const amount = parseAmount(amountRaw, line, issues);
  if (amount === undefined) return undefined;
  if (!hasCurrency) {
    issues.error({ code: 'missing_currency', line, field: ':61:', message: 'the statement has no opening balance (:60F:) or floor limit (:34F:) to take the currency from' });
    return undefined;
  }
  const { reference, bankReference } = refs(rest);
  if (reference === '') {
    issues.warn({ code: 'missing_reference', line, field: ':61: reference', message: 'no customer reference after the transaction type (SWIFT expects one, e.g. NONREF)' });
  }
  return {
    date,
    valueDate: valueDate.value,
    amount: signFor(mark) === 1 ? amount : negate(amount),
    reversal: mark.startsWith('R'),
    typeCode: type.trim(),
    reference: reference && !/^NONREF$/i.test(reference) ? reference : undefined,
    bankReference,
    description: details || undefined,
    fundsCode,
  };
}

/**
 * Reads a `:61:` tag (first line and continuation lines); reports the
 * problem and returns undefined when it cannot be read.
 */
export function parse61(first: string, more: readonly string[] | undefined, line: number, hasCurrency: boolean, issues: IssueCollector): Mt61Line | undefined {
  const details = more ? more.join(' ').trim() : '';
  return (hasCurrency ? scan61(first, details) : undefined) ?? match61(first, details, line, hasCurrency, issues);
}
