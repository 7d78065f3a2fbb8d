import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors/app-error.ts';
import { addUsage, costOf, splitUsage } from './llm-cost.ts';
import { classifyLlmFailure, fallbackReasonOf, llmError, toLlmError } from './llm-errors.ts';

describe('costOf', () => {
  it('is exact decimal arithmetic on the price per million tokens', () => {
    const price = { promptPerMTok: '0.15', completionPerMTok: '0.60' };
    // 1 234 567 × 0.15 / 10^6 = 0.18518505; 89 × 0.60 / 10^6 = 0.0000534
    expect(costOf({ promptTokens: 1_234_567, completionTokens: 89 }, price)).toBe('0.18523845');
    expect(costOf({ promptTokens: 1_000_000, completionTokens: 1_000_000 }, { promptPerMTok: '2.50', completionPerMTok: '10' })).toBe('12.5');
    expect(costOf({ promptTokens: 0, completionTokens: 0 }, price)).toBe('0');
    // A float would give 0.30000000000000004 here.
    expect(costOf({ promptTokens: 100_000, completionTokens: 200_000 }, { promptPerMTok: '1', completionPerMTok: '1' })).toBe('0.3');
    expect(() => costOf({ promptTokens: -1, completionTokens: 0 }, price)).toThrow(RangeError);
    expect(() => costOf({ promptTokens: 1, completionTokens: 0 }, { promptPerMTok: '0,15', completionPerMTok: '1' })).toThrow(AppError);
  });

  it('splits a batch call into shares that add up', () => {
    const shares = splitUsage({ promptTokens: 1003, completionTokens: 10 }, 4);
    expect(shares.map((s) => s.promptTokens)).toEqual([251, 251, 251, 250]);
    expect(shares.reduce(addUsage)).toEqual({ promptTokens: 1003, completionTokens: 10 });
    expect(splitUsage({ promptTokens: 5, completionTokens: 5 }, 0)).toEqual([]);
  });
});

describe('fallbackReasonOf', () => {
  it('reads the reason of adapter errors and classifies raw ones', () => {
    expect(fallbackReasonOf(llmError('unknown_labels', 'x'))).toBe('unknown_labels');
    expect(fallbackReasonOf(new AppError('llm_timeout', 'x'))).toBe('timeout');
    expect(fallbackReasonOf(new AppError('db_unavailable', 'x'))).toBe('server_error');
    expect(fallbackReasonOf(Object.assign(new Error('Request timed out.'), { name: 'TimeoutError' }))).toBe('timeout');
    expect(fallbackReasonOf(Object.assign(new Error('429 Rate limit'), { status: 429 }))).toBe('rate_limited');
    expect(fallbackReasonOf(Object.assign(new Error('Connection error.'), { cause: new Error('ECONNREFUSED') }))).toBe('server_error');
    expect(fallbackReasonOf('weird')).toBe('server_error');
    expect(classifyLlmFailure(undefined)).toBe('server_error');
  });

  it('maps reasons to the closed error codes', () => {
    expect(toLlmError(Object.assign(new Error('x'), { status: 503 })).code).toBe('llm_unavailable');
    expect(llmError('circuit_open', 'x').code).toBe('llm_unavailable');
    expect(llmError('not_configured', 'x').retryable).toBe(false);
    expect(llmError('invalid_output', 'x').code).toBe('llm_invalid_output');
  });
});
