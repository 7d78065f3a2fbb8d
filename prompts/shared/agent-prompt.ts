/**
 * The shape every versioned prompt has: system text (static, so endpoints
 * can cache the prefix), a user template over a batch of breaks, and the
 * batch output schema the answer must satisfy.
 */
import { z } from 'zod';
import type { AgentName } from '../../core/breaks/agent-outputs.ts';

export interface AgentPrompt<Item> {
  readonly id: AgentName;
  /** Semver; bump on any change of wording, examples or schema (answers are cached by it). */
  readonly version: string;
  /** The function name for tool calling. */
  readonly toolName: string;
  readonly toolDescription: string;
  readonly system: string;
  renderUser(items: readonly Item[]): string;
  /** The zod schema of one batch answer, `{ results: [...] }`. */
  readonly outputSchema: z.ZodType;
  /** The same as JSON Schema (no `$schema` key), for tool parameters. */
  readonly outputJsonSchema: Record<string, unknown>;
}

/** `classify@1.0.0`: the value stored with every answer. */
export function promptVersion(prompt: Pick<AgentPrompt<unknown>, 'id' | 'version'>): string {
  return `${prompt.id}@${prompt.version}`;
}

/** Length limits cost tokens and models ignore them; the zod schema still enforces them on the answer. */
const DROPPED_KEYWORDS = new Set(['$schema', 'minLength', 'maxLength', 'minItems', 'maxItems']);

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !DROPPED_KEYWORDS.has(k)).map(([k, v]) => [k, k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, strip(s)])) : strip(v)]));
}

export function toToolJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return strip(z.toJSONSchema(schema)) as Record<string, unknown>;
}

/** The output format in words, for JSON mode where no schema travels with the request. */
export function jsonAnswerLine(example: string): string {
  return `Reply with one JSON object only, no prose: {"results":[${example}, ...]}.`;
}
