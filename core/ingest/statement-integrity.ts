/**
 * Checks a file's statements the way an accountant would: does each
 * statement's opening balance plus its movements equal its closing balance,
 * and do the sequence numbers run without gaps? Findings are warnings on the
 * import: the records are still the bank's records.
 */
import { addDecimal, compareDecimal, formatDecimal, parseDecimal, subtractDecimal, type Decimal } from '../money/decimal.ts';
import type { ImportIssue } from './import-issues.ts';
import type { ParsedEntry, ParsedStatement } from './parsed-statement.ts';

export interface StatementCheck {
  readonly statement: string;
  readonly foots: boolean | undefined;
  readonly expectedClosing?: string;
  readonly closing?: string;
}

/** Beyond this a running sum of numbers could lose a unit; it is moved into a bigint first. */
const FLUSH_AT = 2 ** 52;
/** Amounts of at most this many digits are below 2^50 as integers: exact as numbers. */
const MAX_NUMBER_DIGITS = 15;

/**
 * The sum of the amounts in `currency`: exactly what adding `parseDecimal` of
 * each with `addDecimal` gives (value, and scale the largest of theirs), but
 * short amounts are added as integer numbers per scale instead of one bigint
 * each, since a statement can hold hundreds of thousands of entries.
 */
function sumAmounts(entries: readonly ParsedEntry[], currency: string): Decimal {
  const small: number[] = [];
  const big: bigint[] = [];
  let rest: Decimal = { coef: 0n, scale: 0 };
  let scale = 0;
  for (const e of entries) {
    if (e.currency !== currency) continue;
    const text = e.amount;
    if (typeof text !== 'string') {
      rest = addDecimal(rest, parseDecimal(text));
      continue;
    }
    const negative = text.charCodeAt(0) === 45;
    let i = negative || text.charCodeAt(0) === 43 ? 1 : 0;
    const start = i;
    let value = 0;
    let fraction = -1;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) value = value * 10 + (c - 48);
      else if (c === 46 && fraction === -1 && i > start) fraction = i + 1;
      else break;
    }
    const digits = text.length - start - (fraction === -1 ? 0 : 1);
    if (i !== text.length || fraction === text.length || i === start || digits > MAX_NUMBER_DIGITS) {
      // Long or odd: the general path, which also refuses what is not a decimal as it always did.
      rest = addDecimal(rest, parseDecimal(text));
      continue;
    }
    const places = fraction === -1 ? 0 : text.length - fraction;
    if (places > scale) scale = places;
    let sum = (small[places] ?? 0) + (negative ? -value : value);
    if (sum >= FLUSH_AT || sum <= -FLUSH_AT) {
      big[places] = (big[places] ?? 0n) + BigInt(sum);
      sum = 0;
    }
    small[places] = sum;
  }
  let total = rest.scale > scale ? rest : { coef: rest.coef * 10n ** BigInt(scale - rest.scale), scale };
  for (let places = 0; places < small.length; places++) {
    if (small[places] === undefined) continue;
    const coef = BigInt(small[places]!) + (big[places] ?? 0n);
    total = addDecimal(total, { coef, scale: places });
  }
  return total;
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
    const held = sumAmounts(s.entries, s.opening.currency);
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
