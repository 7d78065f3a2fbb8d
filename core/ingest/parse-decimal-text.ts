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

/** Plain signed decimals need no rewriting: the common case, checked first. */
const PLAIN = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const DIGITS = /^\d+$/;

export function parseDecimalText(input: string, format: NumberFormat): NumberParse {
  if (format.decimal === '.' && PLAIN.test(input) && input !== '-0' && !/^-0(\.0+)?$/.test(input)) return { ok: true, value: input };
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
