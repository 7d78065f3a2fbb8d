/**
 * Tolerances, windows and thresholds of one reconciliation, with the defaults
 * of the taxonomy contract. Every pass reads them from here.
 */
import { z } from 'zod';
import { decimalStringSchema } from '../money/schemas.ts';

export const matchConfigSchema = z.object({
  /** Booking dates of a match may differ by this many calendar days (inclusive). */
  dateWindowDays: z.number().int().nonnegative().default(5),
  /** One-sided items younger than this (days back from asOf, inclusive) are timing differences. */
  clearingWindowDays: z.number().int().nonnegative().default(5),
  /** Amount differences up to this many minor units are rounding. */
  roundingMinorUnits: z.number().int().nonnegative().default(2),
  /**
   * Tolerance pass band: a pair whose references agree is matched with a
   * difference when |difference| ≤ max(floor, min(cap, percent × amount)).
   */
  tolerance: z
    .object({ percent: decimalStringSchema.default('2'), floor: decimalStringSchema.default('0.05'), cap: decimalStringSchema.default('100') })
    .default({ percent: '2', floor: '0.05', cap: '100' }),
  /** Text similarity (0–1) at which references or counterparties count as alike. */
  similarityThreshold: z.number().min(0).max(1).default(0.8),
  /** Pairs agreeing on amount only: how far apart their dates may be to still be paired as a timing difference. */
  nearMissDateDays: z.number().int().nonnegative().default(31),
  /** Securities: per-field tolerances (percent of the internal value; quantity absolute). */
  securities: z
    .object({ pricePercent: decimalStringSchema.default('1'), fxRatePercent: decimalStringSchema.default('0.5'), quantity: decimalStringSchema.default('0') })
    .default({ pricePercent: '1', fxRatePercent: '0.5', quantity: '0' }),
});

export type MatchConfig = z.output<typeof matchConfigSchema>;
export type MatchConfigInput = z.input<typeof matchConfigSchema>;

export const DEFAULT_MATCH_CONFIG: MatchConfig = matchConfigSchema.parse({});
