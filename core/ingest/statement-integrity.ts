/**
 * Checks a file's statements the way an accountant would: does each
 * statement's opening balance plus its movements equal its closing balance,
 * and do the sequence numbers run without gaps? Findings are warnings on the
 * import: the records are still the bank's records.
 */
import { addDecimal, compareDecimal, formatDecimal, parseDecimal, subtractDecimal } from '../money/decimal.ts';
import type { ImportIssue } from './import-issues.ts';
import type { ParsedStatement } from './parsed-statement.ts';

export interface StatementCheck {
  readonly statement: string;
  readonly foots: boolean | undefined;
  readonly expectedClosing?: string;
  readonly closing?: string;
}

function label(s: ParsedStatement, index: number): string {
  return [s.id, s.sequence].filter(Boolean).join(' / ') || `statement ${index + 1}`;
}

/** "00001/001" → [1, 1]; "102" → [102]. */
function sequenceNumbers(sequence: string): number[] {
  return sequence.split('/').map((p) => Number(p.trim())).filter((n) => Number.isInteger(n));
}

export function checkStatements(statements: readonly ParsedStatement[]): { checks: StatementCheck[]; warnings: ImportIssue[] } {
  const warnings: ImportIssue[] = [];
  const checks: StatementCheck[] = statements.map((s, i) => {
    const name = label(s, i);
    if (!s.opening || !s.closing) return { statement: name, foots: undefined };
    const held = s.entries.filter((e) => e.currency === s.opening!.currency).reduce((sum, e) => addDecimal(sum, parseDecimal(e.amount)), { coef: 0n, scale: 0 });
    const movements = s.streamedMovements === undefined ? held : addDecimal(held, parseDecimal(s.streamedMovements));
    const expected = addDecimal(parseDecimal(s.opening.amount), movements);
    const closing = parseDecimal(s.closing.amount);
    const foots = compareDecimal(expected, closing) === 0;
    if (!foots) {
      warnings.push({
        code: 'balance_mismatch',
        ...(s.line !== undefined ? { line: s.line } : {}),
        statement: name,
        message: `statement ${name}: opening ${s.opening.amount} + movements ${formatDecimal(movements)} = ${formatDecimal(expected)}, but the closing balance is ${s.closing.amount} (difference ${formatDecimal(subtractDecimal(closing, expected))})`,
      });
    }
    return { statement: name, foots, expectedClosing: formatDecimal(expected), closing: s.closing.amount };
  });
  // Sequence gaps per account, in file order.
  const lastByAccount = new Map<string, { numbers: number[]; name: string }>();
  statements.forEach((s, i) => {
    if (!s.sequence || !s.account) return;
    const numbers = sequenceNumbers(s.sequence);
    const previous = lastByAccount.get(s.account);
    lastByAccount.set(s.account, { numbers, name: label(s, i) });
    if (!previous || numbers.length === 0 || previous.numbers.length === 0) return;
    const [prevMain = 0, prevPage = 0] = previous.numbers;
    const [main = 0, page = 0] = numbers;
    const next = main === prevMain ? page === prevPage + 1 : main === prevMain + 1;
    // Zero means "not numbered" for several banks; only real numbers can have gaps.
    if (!next && main !== 0 && prevMain !== 0) {
      warnings.push({
        code: 'sequence_gap',
        ...(s.line !== undefined ? { line: s.line } : {}),
        statement: label(s, i),
        message: `statement sequence jumps from ${previous.numbers.join('/')} to ${numbers.join('/')} on account ${s.account}: a statement may be missing`,
      });
    }
  });
  return { checks, warnings };
}
