/**
 * Balanced journal lines for an adjustment. Amounts are signed from the
 * books' point of view, like records: positive debits the account, negative
 * credits it. The reconciled book (bank GL) account takes the amount the
 * resolution posts, the counter account its negation, so every entry sums to
 * zero. Account roles map to GL codes through the reconciliation's
 * configuration; an unmapped role is exported under its role name, which the
 * ERP import then refuses loudly instead of booking to a wrong account.
 */
import { isCurrencyCode, currencyMinorUnits } from '../money/currency.ts';
import { addDecimal, formatDecimal, isZeroDecimal, negateDecimal, parseDecimal, ZERO, type Decimal } from '../money/decimal.ts';
import type { AccountRole } from '../taxonomy/account-roles.ts';

export interface PlannedLine {
  readonly lineNo: number;
  /** Null for the reconciled book account itself. */
  readonly accountRole: AccountRole | null;
  readonly glCode: string;
  /** Signed decimal string in the adjustment's currency. */
  readonly amount: string;
  readonly description: string;
}

export interface GlMapping {
  /** GL code of the reconciled account in the books. */
  readonly bookAccount: string;
  /** Account role → GL code. */
  readonly glCodes: Readonly<Record<string, string>>;
}

export function glCodeOf(role: AccountRole, mapping: GlMapping): string {
  const code = mapping.glCodes[role];
  return typeof code === 'string' && code.trim() !== '' ? code : role;
}

/** The amount at the currency's decimals at least (never fewer than written). */
export function showMoney(value: Decimal, currency: string): string {
  return formatDecimal(value, isCurrencyCode(currency) ? currencyMinorUnits(currency) : 0);
}

/** Two lines: the book account gets `amount`, the role's account the opposite. */
export function counterLines(amount: string, currency: string, role: AccountRole, mapping: GlMapping, description: string): PlannedLine[] {
  const value = parseDecimal(amount);
  if (isZeroDecimal(value)) return [];
  return [
    { lineNo: 1, accountRole: null, glCode: mapping.bookAccount, amount: showMoney(value, currency), description },
    { lineNo: 2, accountRole: role, glCode: glCodeOf(role, mapping), amount: showMoney(negateDecimal(value), currency), description },
  ];
}

/** Whether the lines sum to exactly zero. */
export function linesBalance(lines: readonly PlannedLine[]): boolean {
  let total: Decimal = ZERO;
  for (const line of lines) total = addDecimal(total, parseDecimal(line.amount));
  return isZeroDecimal(total);
}
