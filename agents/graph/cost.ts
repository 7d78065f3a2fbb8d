/**
 * LLM cost from token counts and a price table in USD per million tokens.
 * Exact decimal arithmetic: a price is money, and money is never a float.
 */
import { addDecimal, formatDecimal, multiplyDecimal, parseDecimal, roundDecimal, type Decimal } from '../../core/money/decimal.ts';
import type { TokenUsage } from '../../core/breaks/suggestion.ts';
import type { Price } from '../agent-ports.ts';

function perMillion(price: string, tokens: number): Decimal {
  const total = multiplyDecimal(parseDecimal(price), { coef: BigInt(tokens), scale: 0 });
  return { coef: total.coef, scale: total.scale + 6 };
}

/** USD with six decimals, e.g. "0.001350". */
export function llmCost(usage: TokenUsage, price: Price | undefined): string {
  if (!price) return '0.000000';
  const sum = addDecimal(perMillion(price.promptPerMTok, usage.promptTokens), perMillion(price.completionPerMTok, usage.completionTokens));
  return formatDecimal(roundDecimal(sum, 6, 'half_up'), 6);
}
