/**
 * Token usage and its cost. Prices are decimal strings per million tokens and
 * the cost is computed with core's bigint decimals: money never passes
 * through a float, so summing a month of calls gives the exact figure.
 */
import type { TokenUsage } from '../../core/breaks/suggestion.ts';
import { addDecimal, formatDecimal, multiplyDecimal, normalizeDecimal, parseDecimal, type Decimal } from '../../core/money/decimal.ts';

export interface PriceTable {
  /** Price of one million prompt tokens, e.g. "0.15". */
  readonly promptPerMTok: string;
  /** Price of one million completion tokens, e.g. "0.60". */
  readonly completionPerMTok: string;
}

export const ZERO_USAGE: TokenUsage = { promptTokens: 0, completionTokens: 0 };

export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return { promptTokens: a.promptTokens + b.promptTokens, completionTokens: a.completionTokens + b.completionTokens };
}

function tokensTimes(tokens: number, perMillion: Decimal): Decimal {
  if (!Number.isSafeInteger(tokens) || tokens < 0) throw new RangeError(`token count must be a non-negative integer, got ${tokens}`);
  // × tokens, then ÷ 10^6 by raising the scale: exact, nothing rounded.
  const product = multiplyDecimal({ coef: BigInt(tokens), scale: 0 }, perMillion);
  return { coef: product.coef, scale: product.scale + 6 };
}

/** Exact cost of a call as a decimal string without trailing zeros ("0.000315"). */
export function costOf(usage: TokenUsage, price: PriceTable): string {
  const total = addDecimal(tokensTimes(usage.promptTokens, parseDecimal(price.promptPerMTok)), tokensTimes(usage.completionTokens, parseDecimal(price.completionPerMTok)));
  return formatDecimal(normalizeDecimal(total));
}

/**
 * Each break's share of a batch call's tokens: equal parts, the remainder
 * given to the first breaks, so the shares add up to the call's usage.
 */
export function splitUsage(usage: TokenUsage, parts: number): TokenUsage[] {
  if (parts <= 0) return [];
  const share = (total: number, i: number) => Math.floor(total / parts) + (i < total % parts ? 1 : 0);
  return Array.from({ length: parts }, (_, i) => ({ promptTokens: share(usage.promptTokens, i), completionTokens: share(usage.completionTokens, i) }));
}
