/** The deltas a reviewer reads beside a differing field: amounts by exact decimal subtraction, dates in days. */
import { isDecimalString } from '../../../core/money/decimal.ts';
import { subtractAmounts } from '../../../core/money/money.ts';
import type { FieldDiff } from '../api/types.ts';
import { formatDecimalText } from '../queue/queue-format.ts';

const NUMERIC = new Set(['amount', 'quantity', 'price', 'fxRate']);
const DATES = new Set(['date', 'valueDate', 'tradeDate', 'settleDate']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const FIELD_LABEL: Readonly<Record<string, string>> = {
  date: 'Booking date',
  valueDate: 'Value date',
  amount: 'Amount',
  currency: 'Currency',
  reference: 'Reference',
  counterparty: 'Counterparty',
  description: 'Description',
  securityId: 'Security',
  quantity: 'Quantity',
  price: 'Price',
  tradeDate: 'Trade date',
  settleDate: 'Settlement date',
  fxRate: 'FX rate',
};

const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** "statement − books" spelled out, when each side has one value to compare; undefined otherwise. */
export function deltaText(diff: FieldDiff): string | undefined {
  if (!diff.differs) return undefined;
  const [e] = diff.external;
  const [i] = diff.internal;
  if (diff.external.length !== 1 || diff.internal.length !== 1 || e === undefined || i === undefined) {
    if (diff.external.length === 0) return 'only in the books';
    if (diff.internal.length === 0) return 'only on the statement';
    return 'the sides hold different values';
  }
  if (NUMERIC.has(diff.field) && isDecimalString(e) && isDecimalString(i)) {
    const delta = subtractAmounts(e, i);
    const sign = delta.startsWith('-') ? '' : '+';
    const opposite = e.replace(/^-/, '') === i.replace(/^-/, '') ? ' (opposite signs)' : '';
    return `statement ${sign}${formatDecimalText(delta, 0)} vs books${opposite}`;
  }
  if (DATES.has(diff.field) && ISO_DATE.test(e) && ISO_DATE.test(i)) {
    const days = dayNumber(e) - dayNumber(i);
    return `statement ${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'} ${days > 0 ? 'later' : 'earlier'}`;
  }
  return 'differs';
}
