export * from './llm-agents.ts';
export * from './llm-errors.ts';
export * from './circuit-breaker.ts';
export * from './llm-cost.ts';
export { answerOf, usageOf, retryPolicy, type StructuredMethod } from './llm-response.ts';
export * from './validate-output.ts';
