/**
 * The LLM side of the three agents over any OpenAI-compatible endpoint
 * (OpenAI, Azure, vLLM, Ollama, llama.cpp). One call answers a batch of
 * breaks; every answer is validated (ids, labels, schema) before it leaves,
 * and every failure is an `AppError` carrying its fallback reason, so the
 * graph can hand those breaks to the rules. A circuit breaker stops calling
 * an endpoint that keeps failing.
 */
import { HumanMessage, SystemMessage, type AIMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import type { Classification, ResolutionProposal, RootCauseFinding } from '../../core/breaks/agent-outputs.ts';
import type { BreakContext } from '../../core/breaks/break-context.ts';
import type { TokenUsage } from '../../core/breaks/suggestion.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { Logger } from '../../monitoring/logger.ts';
import { CLASSIFY_PROMPT } from '../../prompts/classify/classify-prompt.ts';
import { ROOT_CAUSE_PROMPT, type RootCauseItem } from '../../prompts/root-cause/root-cause-prompt.ts';
import { promptVersion, type AgentPrompt } from '../../prompts/shared/agent-prompt.ts';
import { SUGGEST_PROMPT, type SuggestItem } from '../../prompts/suggest/suggest-prompt.ts';
import { CircuitBreaker, SYSTEM_CLOCK, type CircuitBreakerOptions, type CircuitState, type Clock } from './circuit-breaker.ts';
import { costOf, ZERO_USAGE, type PriceTable } from './llm-cost.ts';
import { fallbackReasonOf, isAvailabilityFailure, llmError, toLlmError } from './llm-errors.ts';
import { answerOf, retryPolicy, usageOf, type StructuredMethod } from './llm-response.ts';
import { validateClassifications, validateProposals, validateRootCauses } from './validate-output.ts';

export interface LlmAgentsOptions {
  readonly baseUrl: string;
  /** Many local servers need none. */
  readonly apiKey?: string;
  readonly model: string;
  /** Per attempt; a timed-out attempt is not retried. */
  readonly timeoutMs: number;
  /** Retries after a 429 or 5xx; capped at 2 (non-OpenAI endpoints rarely enjoy more). */
  readonly maxRetries: number;
  readonly price?: PriceTable;
  readonly circuit?: Omit<CircuitBreakerOptions, 'clock' | 'isFailure'>;
  readonly clock?: Clock;
  /** `functionCalling` (default) or `jsonMode`, for endpoints without tool calling (llama.cpp, some Ollama models). */
  readonly method?: StructuredMethod;
  /** Shorthand for `method: 'jsonMode'`. */
  readonly jsonMode?: boolean;
  /** Calls in flight at once through this adapter (LLM_CONCURRENCY); default unlimited. */
  readonly concurrency?: number;
  /** Default 0: the same break should get the same answer. `null` sends none (reasoning models refuse one). */
  readonly temperature?: number | null;
  readonly logger?: Logger;
  /** Told of every call and circuit state change (the metrics); injected so this module stays free of them. */
  readonly observer?: LlmObserver;
}

/** What the adapter reports per call: `outcome` is `ok` or the failure's fallback reason. */
export interface LlmObserver {
  call(event: { agent: string; outcome: string; seconds: number; usage?: TokenUsage; cost?: string }): void;
  circuit(state: CircuitState): void;
}

export interface LlmCallResult<T> {
  /** One per input item, in the input's order. */
  readonly outputs: T[];
  readonly usage: TokenUsage;
  readonly model: string;
  /** e.g. `classify@1.0.0`. */
  readonly promptVersion: string;
  readonly latencyMs: number;
  /** Exact cost as a decimal string, when a price table was given. */
  readonly cost?: string;
}

export type { RootCauseItem, SuggestItem };

export interface LlmAgents {
  classify(items: readonly BreakContext[], signal?: AbortSignal): Promise<LlmCallResult<Classification>>;
  rootCause(items: readonly RootCauseItem[], signal?: AbortSignal): Promise<LlmCallResult<RootCauseFinding>>;
  suggest(items: readonly SuggestItem[], signal?: AbortSignal): Promise<LlmCallResult<ResolutionProposal>>;
  readonly circuit: CircuitBreaker;
  readonly model: string;
  readonly method: StructuredMethod;
}

export const MAX_LLM_RETRIES = 2;

/** A failure with what the call cost and took, since a bad answer still spent tokens. */
function withCallFacts(error: unknown, facts: Record<string, unknown>): AppError {
  const e = toLlmError(error);
  return new AppError(e.code, e.message, { details: { ...e.details, ...facts }, issues: e.issues, cause: e.cause ?? error, retryable: e.retryable });
}

export function createLlmAgents(options: LlmAgentsOptions): LlmAgents {
  const clock = options.clock ?? SYSTEM_CLOCK;
  const method: StructuredMethod = options.jsonMode ? 'jsonMode' : (options.method ?? 'functionCalling');
  const observer = options.observer;
  const circuit = new CircuitBreaker({ ...options.circuit, clock, isFailure: isAvailabilityFailure, ...(observer ? { onStateChange: (state: CircuitState) => observer.circuit(state) } : {}) });
  observer?.circuit(circuit.state);
  const chat = new ChatOpenAI({
    model: options.model,
    // The SDK insists on a key; local endpoints ignore it. Never read from the environment here.
    apiKey: options.apiKey ?? 'not-needed',
    configuration: { baseURL: options.baseUrl },
    timeout: options.timeoutMs,
    maxRetries: Math.min(MAX_LLM_RETRIES, Math.max(0, options.maxRetries)),
    ...(options.temperature === null ? {} : { temperature: options.temperature ?? 0 }),
    onFailedAttempt: retryPolicy(options.timeoutMs),
    ...(options.concurrency ? { maxConcurrency: options.concurrency } : {}),
  });

  function structured<Item>(prompt: AgentPrompt<Item>) {
    // The method is always explicit: left out, LangChain picks `jsonSchema` for most model names, which many endpoints lack.
    return chat.withStructuredOutput({ ...prompt.outputJsonSchema, description: prompt.toolDescription }, { method, includeRaw: true, name: prompt.toolName });
  }
  const runnables = { classify: structured(CLASSIFY_PROMPT), rootCause: structured(ROOT_CAUSE_PROMPT), suggest: structured(SUGGEST_PROMPT) };

  async function call<Item, Out>(prompt: AgentPrompt<Item>, items: readonly Item[], validate: (answer: unknown) => Out[], signal?: AbortSignal): Promise<LlmCallResult<Out>> {
    const version = promptVersion(prompt);
    const facts = { agent: prompt.id, model: options.model, promptVersion: version, batchSize: items.length };
    if (items.length === 0) return { outputs: [], usage: ZERO_USAGE, model: options.model, promptVersion: version, latencyMs: 0, ...(options.price ? { cost: '0' } : {}) };
    const log = options.logger?.child({ component: 'llm', agent: prompt.id });
    const started = clock.now();
    try {
      return await circuit.run(async () => {
        let raw: AIMessage;
        try {
          const messages = [new SystemMessage(prompt.system), new HumanMessage(prompt.renderUser(items))];
          const response = await runnables[prompt.id].invoke(messages, signal ? { signal } : {});
          raw = response.raw as AIMessage;
        } catch (error) {
          if (signal?.aborted) throw llmError('timeout', 'LLM call cancelled by the caller', { ...facts, cancelled: true }, error);
          throw toLlmError(error, { ...facts, latencyMs: clock.now() - started });
        }
        const usage = usageOf(raw);
        const latencyMs = clock.now() - started;
        const cost = options.price ? costOf(usage, options.price) : undefined;
        try {
          const outputs = validate(answerOf(raw, method));
          log?.debug({ latencyMs, usage, batchSize: items.length }, 'llm call answered');
          observer?.call({ agent: prompt.id, outcome: 'ok', seconds: latencyMs / 1000, usage, ...(cost === undefined ? {} : { cost }) });
          return { outputs, usage, model: options.model, promptVersion: version, latencyMs, ...(cost === undefined ? {} : { cost }) };
        } catch (error) {
          throw withCallFacts(error, { ...facts, usage, latencyMs, ...(cost === undefined ? {} : { cost }) });
        }
      });
    } catch (error) {
      const e = error instanceof AppError ? error : toLlmError(error, facts);
      log?.warn({ fallbackReason: fallbackReasonOf(e), code: e.code, latencyMs: clock.now() - started, err: e.message }, 'llm call failed');
      if (observer) {
        // A bad answer still spent tokens: its usage and cost ride on the error's details.
        const { usage, cost } = e.details as { usage?: TokenUsage; cost?: string };
        observer.call({ agent: prompt.id, outcome: fallbackReasonOf(e), seconds: (clock.now() - started) / 1000, ...(usage ? { usage } : {}), ...(typeof cost === 'string' ? { cost } : {}) });
      }
      throw e;
    }
  }

  return {
    circuit,
    model: options.model,
    method,
    classify: (items, signal) => call(CLASSIFY_PROMPT, items, (answer) => validateClassifications(answer, items.map((c) => c.id)), signal),
    rootCause: (items, signal) =>
      call(ROOT_CAUSE_PROMPT, items, (answer) => validateRootCauses(answer, items.map((i) => ({ breakId: i.context.id, type: i.classification.type }))), signal),
    suggest: (items, signal) => call(SUGGEST_PROMPT, items, (answer) => validateProposals(answer, items.map((i) => i.context.id)), signal),
  };
}
