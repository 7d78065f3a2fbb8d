/**
 * BAI2 cash management files: file (01/99), group (02/98) and account (03/49)
 * envelopes, transaction details (16) and continuation records (88). Amounts
 * are whole minor units with the currency's implied decimals; type codes say
 * whether a detail is a credit (100–399, 900–959) or a debit.
 */
import { currencyMinorUnits, isCurrencyCode } from '../../money/currency.ts';
import { formatDecimal } from '../../money/decimal.ts';
import { IssueCollector } from '../import-issues.ts';
import type { ParsedEntry, ParsedStatement, ParseOutput } from '../parsed-statement.ts';
import { parseYymmdd } from '../parse-date.ts';

interface Bai2Record {
  readonly code: string;
  readonly fields: string[];
  readonly line: number;
  readonly text: string;
}

/**
 * A record without its "/" terminator. In "…,35217175,,,/" the comma before the
 * slash only separates the end; in a 16 record "…,172629,/" it leaves the
 * customer reference empty before the text, so it stays.
 */
function endless(code: string, body: string): string {
  return code === '16' ? body.replace(/\/\s*$/, '') : body.replace(/,?\/\s*$/, '');
}

/** Records, with 88 continuations folded into the record they continue. */
function readRecords(text: string): Bai2Record[] {
  const records: { code: string; body: string; line: number }[] = [];
  text.split(/\r\n|\r|\n/).forEach((rawLine, i) => {
    // Some senders put several records on one line, separated only by "/ ".
    for (const piece of rawLine.split(/\/\s+(?=\d{2},)/)) {
      const trimmed = piece.trim();
      if (trimmed === '') continue;
      const code = trimmed.slice(0, 2);
      const body = trimmed.slice(3);
      if (!/^\d{2},/.test(trimmed) && records.length > 0) {
        // A detail's text wrapped onto a new line without an 88 record.
        const last = records[records.length - 1]!;
        last.body = `${last.body.replace(/\/\s*$/, '')} ${trimmed}`;
      } else if (code === '88' && records.length > 0) {
        const last = records[records.length - 1]!;
        last.body = `${endless(last.code, last.body)},${body}`;
      } else records.push({ code, body, line: i + 1 });
    }
  });
  return records.map((r) => ({ code: r.code, line: r.line, text: r.body, fields: endless(r.code, r.body).split(',') }));
}

const isCredit = (typeCode: number) => (typeCode >= 100 && typeCode < 400) || (typeCode >= 900 && typeCode < 960);

/** Extra fields that follow the funds type code in a 16 record. */
function fundsFieldCount(funds: string, fields: readonly string[], at: number): number {
  if (funds === 'V') return 2;
  if (funds === 'S') return 3;
  if (funds === 'D') return 1 + 2 * Number(fields[at] ?? 0);
  return 0;
}

export function parseBai2(text: string, options: { errorLimit?: number } = {}): ParseOutput {
  const issues = new IssueCollector(options.errorLimit);
  const statements: ParsedStatement[] = [];
  let groupDate: string | undefined;
  let groupCurrency: string | undefined;
  let account: { id: string; currency: string; line: number; opening?: string; closing?: string; entries: ParsedEntry[] } | undefined;
  const records = readRecords(text);
  if (records[0]?.code !== '01') issues.error({ code: 'not_bai2', line: 1, message: 'a BAI2 file starts with a 01 file header record' });

  const toAmount = (raw: string | undefined, currency: string, r: Bai2Record, field: string): string | undefined => {
    const t = (raw ?? '').trim();
    if (t === '') return undefined;
    if (!/^[+-]?\d+$/.test(t)) {
      issues.error({ code: 'invalid_amount', line: r.line, field: `${r.code} ${field}`, message: `${JSON.stringify(t)} is not an amount (BAI2 amounts are whole minor units, e.g. "208500")` });
      return undefined;
    }
    return formatDecimal({ coef: BigInt(t.replace('+', '')), scale: currencyMinorUnits(currency) });
  };

  const closeAccount = () => {
    if (!account) return;
    statements.push({
      account: account.id,
      currency: account.currency,
      ...(account.opening !== undefined && groupDate ? { opening: { amount: account.opening, currency: account.currency, date: groupDate } } : {}),
      ...(account.closing !== undefined && groupDate ? { closing: { amount: account.closing, currency: account.currency, date: groupDate } } : {}),
      entries: account.entries,
      line: account.line,
    });
    account = undefined;
  };

  for (const r of records) {
    switch (r.code) {
      case '01':
      case '99':
        break;
      case '02': {
        const date = parseYymmdd(r.fields[3]?.trim() ?? '');
        if (!date.ok) issues.error({ code: 'invalid_date', line: r.line, field: '02 as-of date', message: date.message });
        groupDate = date.ok ? date.value : undefined;
        groupCurrency = r.fields[5]?.trim() || undefined;
        break;
      }
      case '03': {
        closeAccount();
        const currency = r.fields[1]?.trim() || groupCurrency || 'USD';
        if (!isCurrencyCode(currency)) {
          issues.error({ code: 'invalid_currency', line: r.line, field: '03 currency', message: `${JSON.stringify(currency)} is not an ISO 4217 currency code` });
          break;
        }
        account = { id: r.fields[0]!.trim(), currency, line: r.line, entries: [] };
        // Summaries: type code, amount, item count, funds type (+ the funds type's own fields).
        for (let i = 2; i < r.fields.length; ) {
          const type = r.fields[i]!.trim();
          if (type === '') break;
          const amount = toAmount(r.fields[i + 1], currency, r, `summary ${type} amount`);
          if (type === '010' && amount !== undefined) account.opening = amount;
          if (type === '015' && amount !== undefined) account.closing = amount;
          const funds = (r.fields[i + 3] ?? '').trim();
          i += 4 + fundsFieldCount(funds, r.fields, i + 4);
        }
        break;
      }
      case '16': {
        if (!account) {
          issues.error({ code: 'orphan_detail', line: r.line, field: '16', message: 'transaction detail outside an account (no 03 record before it)' });
          break;
        }
        const typeCode = Number(r.fields[0]);
        if (!Number.isInteger(typeCode)) {
          issues.error({ code: 'invalid_type_code', line: r.line, field: '16 type code', message: `${JSON.stringify(r.fields[0])} is not a BAI2 type code` });
          break;
        }
        const magnitude = toAmount(r.fields[1], account.currency, r, 'amount');
        if (magnitude === undefined) {
          if ((r.fields[1] ?? '').trim() === '') issues.error({ code: 'missing_amount', line: r.line, field: '16 amount', message: 'the transaction has no amount' });
          break;
        }
        const funds = (r.fields[2] ?? '').trim();
        const extra = fundsFieldCount(funds, r.fields, 3);
        const valueDate = funds === 'V' ? parseYymmdd(r.fields[3]?.trim() ?? '') : undefined;
        const bankRef = r.fields[3 + extra]?.trim();
        const customerRef = r.fields[4 + extra]?.trim();
        const description = r.fields.slice(5 + extra).join(',').replace(/\/\s*$/, '').replace(/\s+/g, ' ').trim();
        if (!groupDate) break;
        account.entries.push({
          date: groupDate,
          ...(valueDate?.ok ? { valueDate: valueDate.value } : {}),
          amount: isCredit(typeCode) || /^0+(\.0+)?$/.test(magnitude) ? magnitude : `-${magnitude}`,
          currency: account.currency,
          typeCode: String(typeCode),
          ...(customerRef ? { reference: customerRef } : {}),
          ...(bankRef ? { bankReference: bankRef } : {}),
          ...(description ? { description } : {}),
          line: r.line,
          raw: { record: `16,${r.text}` },
        });
        break;
      }
      case '49':
        closeAccount();
        break;
      case '98':
        break;
      default:
        issues.error({ code: 'unknown_record', line: r.line, field: r.code, message: `${JSON.stringify(r.code)} is not a BAI2 record code (01, 02, 03, 16, 49, 88, 98, 99)` });
    }
  }
  closeAccount();
  return { statements, warnings: issues.warnings, errors: issues.allErrors() };
}
