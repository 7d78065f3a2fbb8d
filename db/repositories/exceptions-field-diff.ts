/**
 * The field-by-field comparison a reviewer reads beside the two sides'
 * records: per field, the values each side holds and whether they differ.
 * Numbers compare by value ("100.0" and "100.00" agree), text as written.
 * Amounts also compare as totals, since a 1:N break differs per record but
 * may balance in sum.
 */
import { equalsDecimal, isDecimalString, parseDecimal } from '../../core/money/decimal.ts';
import { subtractAmounts, sumAmounts } from '../../core/money/money.ts';
import type { RecordRow } from '../schema/records.ts';

const FIELDS = ['date', 'valueDate', 'amount', 'currency', 'reference', 'counterparty', 'description', 'securityId', 'quantity', 'price', 'tradeDate', 'settleDate', 'fxRate'] as const;
const NUMERIC = new Set<string>(['amount', 'quantity', 'price', 'fxRate']);

export type ComparedField = (typeof FIELDS)[number];

export interface FieldDiff {
  readonly field: ComparedField;
  /** Distinct values of the side's records, in record order. */
  readonly external: readonly string[];
  readonly internal: readonly string[];
  readonly differs: boolean;
}

export interface SideTotals {
  readonly external: string;
  readonly internal: string;
  /** external − internal */
  readonly difference: string;
}

type Comparable = Pick<RecordRow, ComparedField>;

function valuesOf(rows: readonly Comparable[], field: ComparedField): string[] {
  const out: string[] = [];
  for (const row of rows) {
    const raw = row[field];
    if (raw === null || raw === undefined) continue;
    const value = String(raw).trim();
    if (!out.includes(value)) out.push(value);
  }
  return out;
}

function sameValue(field: ComparedField, a: string, b: string): boolean {
  if (NUMERIC.has(field) && isDecimalString(a) && isDecimalString(b)) return equalsDecimal(parseDecimal(a), parseDecimal(b));
  return a === b;
}

/** Whether the two sides hold the same set of values (each value of one has an equal on the other). */
function differs(field: ComparedField, external: readonly string[], internal: readonly string[]): boolean {
  if (external.length === 0 || internal.length === 0) return external.length !== internal.length;
  const covered = (from: readonly string[], to: readonly string[]) => from.every((a) => to.some((b) => sameValue(field, a, b)));
  return !(covered(external, internal) && covered(internal, external));
}

/** Fields either side has a value for; a one-sided break lists its side's values with nothing opposite. */
export function fieldDiffs(external: readonly Comparable[], internal: readonly Comparable[]): FieldDiff[] {
  const out: FieldDiff[] = [];
  for (const field of FIELDS) {
    const e = valuesOf(external, field);
    const i = valuesOf(internal, field);
    if (e.length === 0 && i.length === 0) continue;
    out.push({ field, external: e, internal: i, differs: differs(field, e, i) });
  }
  return out;
}

export function sideTotals(external: readonly Pick<RecordRow, 'amount'>[], internal: readonly Pick<RecordRow, 'amount'>[]): SideTotals {
  const e = sumAmounts(external.map((r) => r.amount));
  const i = sumAmounts(internal.map((r) => r.amount));
  return { external: e, internal: i, difference: subtractAmounts(e, i) };
}
