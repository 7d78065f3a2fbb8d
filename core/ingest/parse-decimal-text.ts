/**
 * Amounts as banks and spreadsheets write them, turned into canonical decimal
 * strings without passing through a float: "1.234,56", "11'373.94", "(12.50)",
 * "-1 250,00", "9," (MT940).
 */
export interface NumberFormat {
  /** Decimal separator. */
  readonly decimal: '.' | ',';
  /** Thousands separators to ignore; `'` and spaces are common in CH and FR. */
  readonly thousands?: readonly string[];
}

export type NumberParse = { ok: true; value: string } | { ok: false; message: string };

const DIGITS = /^\d+$/;

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Already canonical with a "." decimal, so it needs no rewriting: the common
 * case, checked first by one scan. What `^-?(0|[1-9]\d*)(\.\d+)?$` matches,
 * except a negative zero ("-0", "-0.00"), which canonically has no sign.
 */
export function isPlainDecimal(s: string): boolean {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  const negative = i === 1;
  if (i >= n || !isDigit(s.charCodeAt(i))) return false;
  const zeroWhole = s.charCodeAt(i) === 48;
  i += 1;
  if (zeroWhole) {
    if (i < n && isDigit(s.charCodeAt(i))) return false;
  } else while (i < n && isDigit(s.charCodeAt(i))) i += 1;
  if (i === n) return !(negative && zeroWhole);
  if (s.charCodeAt(i) !== 46) return false;
  const fraction = ++i;
  let zeroFraction = true;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return false;
    if (c !== 48) zeroFraction = false;
  }
  return i > fraction && !(negative && zeroWhole && zeroFraction);
}

export function parseDecimalText(input: string, format: NumberFormat): NumberParse {
  if (format.decimal === '.' && isPlainDecimal(input)) return { ok: true, value: input };
  let text = input.trim();
  if (text === '') return { ok: false, message: 'is empty, expected a number' };
  let negative = false;
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (text.startsWith('-') || text.startsWith('+') || text.startsWith('−')) {
    negative = negative !== (text[0] !== '+');
    text = text.slice(1).trim();
  } else if (text.endsWith('-')) {
    // Trailing minus, as some ERP exports write debits.
    negative = !negative;
    text = text.slice(0, -1).trim();
  }
  for (const sep of format.thousands ?? []) if (text.includes(sep)) text = text.split(sep).join('');
  const point = text.indexOf(format.decimal);
  if (point !== -1 && text.indexOf(format.decimal, point + 1) !== -1) return { ok: false, message: `${JSON.stringify(input)} is not a number (more than one "${format.decimal}")` };
  const whole = point === -1 ? text : text.slice(0, point);
  const fraction = point === -1 ? '' : text.slice(point + 1);
  if ((whole === '' && fraction === '') || (whole !== '' && !DIGITS.test(whole)) || (fraction !== '' && !DIGITS.test(fraction))) {
    return { ok: false, message: `${JSON.stringify(input)} is not a number` };
  }
  const digits = (whole.replace(/^0+(?=\d)/, '') || '0') + (fraction ? `.${fraction}` : '');
  const isZero = /^[0.]+$/.test(digits);
  return { ok: true, value: negative && !isZero ? `-${digits}` : digits };
}
