/** The deterministic checks run on a suggested resolution before a human sees it (`core/verify`). */

export const VERIFICATION_CHECKS = [
  /** Every record id the resolution names belongs to the break. */
  'records_in_break',
  /** The action is allowed for the break type (taxonomy `ACTIONS_BY_TYPE`). */
  'action_allowed',
  /** The parameters parse (resolution schema) and the currency is the records' currency. */
  'parameters_valid',
  /** Applying the resolution makes the group balance to the cent (or, for `correct_entry`, makes the pair match). */
  'balances',
] as const;
export type VerificationCheckName = (typeof VERIFICATION_CHECKS)[number];

export interface VerificationCheck {
  readonly name: VerificationCheckName;
  readonly ok: boolean;
  /** Why it failed, in words a reviewer understands. */
  readonly message?: string;
}

export interface VerificationResult {
  readonly ok: boolean;
  readonly checks: readonly VerificationCheck[];
}
