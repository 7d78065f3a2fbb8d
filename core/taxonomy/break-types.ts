/** Break types of the taxonomy contract, with the labels the UI and prompts show. */

export const BREAK_TYPES = [
  'timing_difference',
  'unbooked_fee',
  'unbooked_interest',
  'fee_deduction',
  'rounding_difference',
  'fx_difference',
  'amount_mismatch',
  'sign_error',
  'duplicate_entry',
  'split_or_aggregate',
  'missing_internal',
  'missing_external',
  'reversal',
  'reference_mismatch',
  'ambiguous_match',
  'quantity_mismatch',
  'price_difference',
  'settlement_date_mismatch',
  'security_id_mismatch',
  'income_difference',
  'corporate_action',
] as const;
export type BreakType = (typeof BREAK_TYPES)[number];

export interface TaxonomyEntry {
  readonly label: string;
  readonly description: string;
}

export const BREAK_TYPE_INFO: Readonly<Record<BreakType, TaxonomyEntry & { securitiesOnly: boolean }>> = {
  timing_difference: {
    label: 'Timing difference',
    description:
      'The same item on both sides with dates beyond the match window, or a one-sided item still inside its clearing window (deposit in transit, outstanding cheque, pending settlement).',
    securitiesOnly: false,
  },
  unbooked_fee: {
    label: 'Unbooked fee',
    description: 'A fee or charge on the external side with no internal entry.',
    securitiesOnly: false,
  },
  unbooked_interest: {
    label: 'Unbooked interest',
    description: 'Interest credited or charged on the external side, not booked.',
    securitiesOnly: false,
  },
  fee_deduction: {
    label: 'Fee deducted',
    description:
      'Paired items where external = internal minus a fee (net settlement, wire fee taken in flight).',
    securitiesOnly: false,
  },
  rounding_difference: {
    label: 'Rounding difference',
    description: 'Paired items that differ by no more than the rounding tolerance.',
    securitiesOnly: false,
  },
  fx_difference: {
    label: 'FX difference',
    description:
      'Paired items whose amounts differ through a conversion rate, or whose currencies differ; also FX-rate breaks on securities.',
    securitiesOnly: false,
  },
  amount_mismatch: {
    label: 'Amount mismatch',
    description: 'Paired items with a material difference not explained by fees, rounding or FX.',
    securitiesOnly: false,
  },
  sign_error: {
    label: 'Sign error',
    description: 'Paired items with equal magnitude and opposite direction.',
    securitiesOnly: false,
  },
  duplicate_entry: {
    label: 'Duplicate entry',
    description: 'The same item recorded twice on one side.',
    securitiesOnly: false,
  },
  split_or_aggregate: {
    label: 'Split or aggregate',
    description:
      'One item on one side against several on the other (batch deposit, instalments) that needs confirmation or does not tie.',
    securitiesOnly: false,
  },
  missing_internal: {
    label: 'Missing in books',
    description: 'An external item with no internal counterpart (and not a fee or interest).',
    securitiesOnly: false,
  },
  missing_external: {
    label: 'Missing on statement',
    description: 'An internal item with no external counterpart beyond its clearing window.',
    securitiesOnly: false,
  },
  reversal: {
    label: 'Reversal or return',
    description: 'An item and its reversal or return (returned payment, chargeback, NSF).',
    securitiesOnly: false,
  },
  reference_mismatch: {
    label: 'Reference mismatch',
    description: 'Amounts and dates agree, references or counterparties differ.',
    securitiesOnly: false,
  },
  ambiguous_match: {
    label: 'Ambiguous match',
    description: 'Two or more equally plausible counterparts.',
    securitiesOnly: false,
  },
  quantity_mismatch: {
    label: 'Quantity mismatch',
    description: 'Securities: quantities differ on a matched trade or position.',
    securitiesOnly: true,
  },
  price_difference: {
    label: 'Price difference',
    description: 'Securities: prices differ beyond tolerance.',
    securitiesOnly: true,
  },
  settlement_date_mismatch: {
    label: 'Settlement date mismatch',
    description: 'Securities: settlement dates differ (cycle, holiday).',
    securitiesOnly: true,
  },
  security_id_mismatch: {
    label: 'Security id mismatch',
    description: 'Securities: identifiers differ or do not map.',
    securitiesOnly: true,
  },
  income_difference: {
    label: 'Income difference',
    description: 'Securities: coupon, accrued interest or dividend amounts differ.',
    securitiesOnly: true,
  },
  corporate_action: {
    label: 'Corporate action',
    description: 'Securities: position changed by a corporate action booked on one side only.',
    securitiesOnly: true,
  },
};
