/**
 * Reading an LLM response (the answer object, the token usage) and deciding
 * which failed attempts are worth a retry.
 */
import type { AIMessage } from '@langchain/core/messages';
import type { TokenUsage } from '../../core/breaks/suggestion.ts';
import { classifyLlmFailure, llmError } from './llm-errors.ts';

export type StructuredMethod = 'functionCalling' | 'jsonMode';

function contentText(content: AIMessage['content']): string {
  if (typeof content === 'string') return content;
  return content.map((part) => (typeof part === 'object' && part !== null && 'text' in part && typeof part.text === 'string' ? part.text : '')).join('');
}

/** JSON text, tolerating the ```json fences some local models wrap around it. */
export function parseJsonAnswer(text: string): unknown {
  const trimmed = text.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  try {
    return JSON.parse(trimmed) as unknown;
  } catch (error) {
    throw llmError('invalid_output', 'LLM answer is not valid JSON', { sample: trimmed.slice(0, 200) }, error);
  }
}

/**
 * The answer object from the raw message. Parsed here rather than through
 * LangChain's parser, which turns every failure into `parsed: null` (and
 * accepts truncated JSON in JSON mode): a strict parse says what went wrong.
 */
export function answerOf(raw: AIMessage, method: StructuredMethod): unknown {
  if (method === 'functionCalling') {
    const call = raw.tool_calls?.[0];
    if (call) return call.args;
    const invalid = raw.invalid_tool_calls?.[0];
    if (invalid) throw llmError('invalid_output', 'LLM tool call arguments are not valid JSON', { sample: String(invalid.args ?? '').slice(0, 200) });
  }
  // JSON mode, or a model that answered in content despite the tool choice.
  const text = contentText(raw.content);
  if (text.trim() === '') throw llmError('invalid_output', 'LLM answer is empty');
  return parseJsonAnswer(text);
}

/** Token usage from the message; servers that report none count as zero. */
export function usageOf(raw: AIMessage): TokenUsage {
  const u = raw.usage_metadata;
  return { promptTokens: u?.input_tokens ?? 0, completionTokens: u?.output_tokens ?? 0 };
}

function retryAfterMs(error: { headers?: unknown }): number | undefined {
  const headers = error.headers as { get?: (name: string) => string | null } | Record<string, string> | undefined;
  const value = typeof headers?.get === 'function' ? headers.get('retry-after') : (headers as Record<string, string> | undefined)?.['retry-after'];
  if (value === null || value === undefined || value === '') return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * LangChain's failed-attempt hook: throwing stops the retries. Timeouts are
 * not retried — a batch too slow once is likely too slow again, and the rules
 * answer at once — nor are client errors. A 429 is retried after its
 * Retry-After unless that is longer than a whole call may take.
 */
export function retryPolicy(timeoutMs: number): (error: unknown) => void {
  return (error) => {
    if (!error || typeof error !== 'object') return;
    const e = error as { name?: unknown; status?: unknown; headers?: unknown; retryAfterMs?: number };
    if (e.name === 'AbortError') throw error;
    const reason = classifyLlmFailure(error);
    if (reason === 'timeout') throw error;
    const status = typeof e.status === 'number' ? e.status : undefined;
    if (status !== undefined && status >= 400 && status < 500 && status !== 429 && status !== 408) throw error;
    if (reason === 'rate_limited') {
      const wait = retryAfterMs(e);
      if (wait !== undefined && wait > timeoutMs) throw error;
      if (wait !== undefined) e.retryAfterMs = wait;
    }
  };
}
