/**
 * The ERP import file: one CSV line per journal line (RFC 4180: CRLF line
 * ends, fields with a comma, quote or line break quoted, quotes doubled).
 * Amounts are the stored decimal strings, signed, debit positive; the date
 * is the reconciliation date the adjustment belongs to, so the entry lands
 * in the period whose balance it makes tie. Free text that a spreadsheet
 * would run as a formula (=, +, -, @ first) is prefixed with an apostrophe:
 * memos can come from record text, which is data, never a formula.
 */

export interface CsvJournalLine {
  readonly entryId: string;
  readonly lineNo: number;
  readonly date: string;
  readonly glCode: string;
  readonly accountRole: string | null;
  readonly amount: string;
  readonly currency: string;
  readonly memo: string | null;
  readonly exceptionId: string;
}

export const ADJUSTMENT_CSV_HEADER = ['entry_id', 'line_no', 'date', 'gl_code', 'account_role', 'amount', 'currency', 'memo', 'exception_id'] as const;

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Text a spreadsheet must not evaluate. */
function inert(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function adjustmentsCsv(lines: readonly CsvJournalLine[]): string {
  const rows = [ADJUSTMENT_CSV_HEADER.join(',')];
  for (const l of lines) {
    rows.push([l.entryId, String(l.lineNo), l.date, inert(l.glCode), l.accountRole ?? '', l.amount, l.currency, inert(l.memo ?? ''), l.exceptionId].map(field).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}
