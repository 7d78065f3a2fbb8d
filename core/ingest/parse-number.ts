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

export function parseNumber(input: string, format: NumberFormat): NumberParse {
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
  for (const sep of format.thousands ?? []) text = text.split(sep).join('');
  const parts = text.split(format.decimal);
  if (parts.length > 2) return { ok: false, message: `${JSON.stringify(input)} is not a number (more than one "${format.decimal}")` };
  const whole = parts[0] ?? '';
  const fraction = parts[1] ?? '';
  if ((whole === '' && fraction === '') || (whole !== '' && !DIGITS.test(whole)) || (fraction !== '' && !DIGITS.test(fraction))) {
    return { ok: false, message: `${JSON.stringify(input)} is not a number` };
  }
  const digits = (whole.replace(/^0+(?=\d)/, '') || '0') + (fraction ? `.${fraction}` : '');
  const isZero = /^[0.]+$/.test(digits);
  return { ok: true, value: negative && !isZero ? `-${digits}` : digits };
}
