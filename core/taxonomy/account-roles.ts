/** Account roles a resolution may post to; configuration maps them to real GL codes. */
import type { TaxonomyEntry } from './break-types.ts';

export const ACCOUNT_ROLES = [
  'bank_charges',
  'interest_income',
  'interest_expense',
  'fx_gain_loss',
  'rounding',
  'discounts_allowed',
  'custody_fees',
  'suspense',
  'accounts_receivable',
  'accounts_payable',
] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const ACCOUNT_ROLE_INFO: Readonly<Record<AccountRole, TaxonomyEntry>> = {
  bank_charges: { label: 'Bank charges', description: 'Expense account for bank fees and charges.' },
  interest_income: { label: 'Interest income', description: 'Income account for interest received and accruals.' },
  interest_expense: { label: 'Interest expense', description: 'Expense account for interest charged.' },
  fx_gain_loss: { label: 'FX gain/loss', description: 'Realised foreign exchange gains and losses.' },
  rounding: { label: 'Rounding', description: 'Small rounding differences.' },
  discounts_allowed: { label: 'Discounts allowed', description: 'Early payment discounts granted to customers.' },
  custody_fees: { label: 'Custody fees', description: 'Custody, safekeeping and brokerage commissions.' },
  suspense: { label: 'Suspense', description: 'Holding account for items awaiting classification.' },
  accounts_receivable: { label: 'Accounts receivable', description: 'Amounts owed by customers.' },
  accounts_payable: { label: 'Accounts payable', description: 'Amounts owed to suppliers.' },
};
