/**
 * Resolution actions of the taxonomy contract with their parameter schemas.
 * Amounts are signed decimal strings from the books' point of view: the
 * adjustment that, once posted, makes the group balance.
 */
import { z } from 'zod';
import { isoDateSchema } from '../dates/iso-date.ts';
import { currencyCodeSchema, decimalStringSchema } from '../money/schemas.ts';
import { ACCOUNT_ROLES } from './account-roles.ts';
import type { BreakType, TaxonomyEntry } from './break-types.ts';

export const RESOLUTION_ACTIONS = [
  'carry_forward',
  'post_journal',
  'match_with_adjustment',
  'confirm_match',
  'correct_entry',
  'reverse_entry',
  'contact_counterparty',
  'escalate',
] as const;
export type ResolutionAction = (typeof RESOLUTION_ACTIONS)[number];

/** Fields of the internal record that `correct_entry` may change. */
export const CORRECTABLE_FIELDS = ['amount', 'quantity', 'price', 'settleDate', 'securityId', 'fxRate', 'reference'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

const accountRole = z.enum(ACCOUNT_ROLES);
const recordIds = z.array(z.string().min(1)).min(1);
const text = z.string().trim().min(1).max(2000);

export const resolutionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('carry_forward'), expectedBy: isoDateSchema.optional() }),
  z.object({
    action: z.literal('post_journal'),
    account: accountRole,
    amount: decimalStringSchema,
    currency: currencyCodeSchema,
    memo: z.string().max(500).optional(),
  }),
  z.object({
    action: z.literal('match_with_adjustment'),
    external: recordIds,
    internal: recordIds,
    account: accountRole,
    amount: decimalStringSchema,
    currency: currencyCodeSchema,
  }),
  z.object({ action: z.literal('confirm_match'), external: recordIds, internal: recordIds }),
  z.object({
    action: z.literal('correct_entry'),
    recordId: z.string().min(1),
    field: z.enum(CORRECTABLE_FIELDS),
    from: z.string(),
    to: z.string(),
  }),
  z.object({ action: z.literal('reverse_entry'), recordId: z.string().min(1) }),
  z.object({ action: z.literal('contact_counterparty'), message: text }),
  z.object({ action: z.literal('escalate'), reason: text }),
]);
export type Resolution = z.infer<typeof resolutionSchema>;

export const ACTION_INFO: Readonly<Record<ResolutionAction, TaxonomyEntry>> = {
  carry_forward: { label: 'Carry forward', description: 'No entry; re-check the item at a later date.' },
  post_journal: { label: 'Post journal', description: 'Book the missing item against an account role.' },
  match_with_adjustment: { label: 'Match with adjustment', description: 'Match the records and book the difference.' },
  confirm_match: { label: 'Confirm match', description: 'Confirm that the records belong together.' },
  correct_entry: { label: 'Correct entry', description: 'Correct one field of the internal record to the external value.' },
  reverse_entry: { label: 'Reverse entry', description: 'Reverse an internal entry that should not exist.' },
  contact_counterparty: { label: 'Contact counterparty', description: 'Ask the counterparty to settle or explain the difference.' },
  escalate: { label: 'Escalate', description: 'Hand the break to a senior reviewer; unsafe to automate.' },
};

/**
 * Actions a reviewer or agent may choose per break type. The first one listed is
 * the usual resolution; `escalate` is always allowed.
 */
export const ACTIONS_BY_TYPE: Readonly<Record<BreakType, readonly ResolutionAction[]>> = {
  timing_difference: ['carry_forward', 'confirm_match', 'escalate'],
  unbooked_fee: ['post_journal', 'escalate'],
  unbooked_interest: ['post_journal', 'escalate'],
  fee_deduction: ['match_with_adjustment', 'contact_counterparty', 'escalate'],
  rounding_difference: ['match_with_adjustment', 'escalate'],
  fx_difference: ['match_with_adjustment', 'correct_entry', 'contact_counterparty', 'escalate'],
  amount_mismatch: ['contact_counterparty', 'correct_entry', 'match_with_adjustment', 'escalate'],
  sign_error: ['correct_entry', 'escalate'],
  duplicate_entry: ['reverse_entry', 'escalate'],
  split_or_aggregate: ['confirm_match', 'match_with_adjustment', 'escalate'],
  missing_internal: ['post_journal', 'carry_forward', 'escalate'],
  missing_external: ['escalate', 'reverse_entry', 'contact_counterparty', 'carry_forward'],
  reversal: ['post_journal', 'reverse_entry', 'escalate'],
  reference_mismatch: ['confirm_match', 'correct_entry', 'escalate'],
  ambiguous_match: ['escalate', 'confirm_match'],
  quantity_mismatch: ['correct_entry', 'contact_counterparty', 'escalate'],
  price_difference: ['correct_entry', 'contact_counterparty', 'match_with_adjustment', 'escalate'],
  settlement_date_mismatch: ['correct_entry', 'escalate'],
  security_id_mismatch: ['correct_entry', 'escalate'],
  income_difference: ['contact_counterparty', 'match_with_adjustment', 'escalate'],
  corporate_action: ['post_journal', 'correct_entry', 'escalate'],
};

export function isActionAllowed(type: BreakType, action: ResolutionAction): boolean {
  return action === 'escalate' || ACTIONS_BY_TYPE[type].includes(action);
}
