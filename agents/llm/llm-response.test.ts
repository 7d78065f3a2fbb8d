import { AIMessage } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { fallbackReasonOf } from './llm-errors.ts';
import { answerOf, parseJsonAnswer, retryPolicy, usageOf } from './llm-response.ts';

const reasonOf = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return fallbackReasonOf(e);
  }
};

describe('retryPolicy', () => {
  const policy = retryPolicy(5_000);
  const headers = (retryAfter: string) => new Headers({ 'retry-after': retryAfter });

  it('does not retry timeouts, aborts or client errors', () => {
    expect(() => policy(Object.assign(new Error('Request timed out.'), { name: 'TimeoutError' }))).toThrow();
    expect(() => policy(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toThrow();
    expect(() => policy(Object.assign(new Error('bad request'), { status: 400 }))).toThrow();
  });

  it('retries 5xx, and 429 after its Retry-After unless that outlasts the timeout', () => {
    expect(() => policy(Object.assign(new Error('down'), { status: 503 }))).not.toThrow();
    const soon = Object.assign(new Error('slow down'), { status: 429, headers: headers('2') });
    policy(soon);
    expect((soon as { retryAfterMs?: number }).retryAfterMs).toBe(2_000);
    expect(() => policy(Object.assign(new Error('slow down'), { status: 429, headers: headers('60') }))).toThrow();
  });
});

describe('reading answers', () => {
  it('takes tool call arguments, or JSON content (fenced or not), strictly', () => {
    const tool = new AIMessage({ content: '', tool_calls: [{ name: 'x', args: { results: [] }, id: 'c1', type: 'tool_call' }] });
    expect(answerOf(tool, 'functionCalling')).toEqual({ results: [] });
    expect(answerOf(new AIMessage('```json\n{"results":[1]}\n```'), 'jsonMode')).toEqual({ results: [1] });
    expect(answerOf(new AIMessage('{"results":[1]}'), 'functionCalling')).toEqual({ results: [1] });
    expect(reasonOf(() => parseJsonAnswer('{"results": ['))).toBe('invalid_output');
    expect(reasonOf(() => answerOf(new AIMessage(''), 'jsonMode'))).toBe('invalid_output');
  });

  it('reads token usage, zero when the server reports none', () => {
    const message = new AIMessage({ content: '{}', usage_metadata: { input_tokens: 120, output_tokens: 30, total_tokens: 150 } });
    expect(usageOf(message)).toEqual({ promptTokens: 120, completionTokens: 30 });
    expect(usageOf(new AIMessage('{}'))).toEqual({ promptTokens: 0, completionTokens: 0 });
  });
});
