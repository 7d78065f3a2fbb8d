/**
 * What the fake server reads out of an OpenAI chat completions request: the
 * messages, how the client wants the answer (tool call, JSON mode, text) and
 * the break items of Recon's prompts (one JSON object per line inside
 * `<records>` tags), so scripted responders can answer per break id.
 */

export interface ChatMessage {
  readonly role: string;
  readonly content: string;
}

export type AnswerMode = 'tool' | 'json' | 'text';

export interface ParsedChatRequest {
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly system: string;
  readonly user: string;
  readonly mode: AnswerMode;
  /** The function name to call back when tools were sent. */
  readonly toolName?: string;
  /** Break items found inside `<records>`, in order (their `breakId` field). */
  readonly items: readonly Record<string, unknown>[];
  readonly breakIds: readonly string[];
  readonly body: Record<string, unknown>;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  // Content parts: [{ type: 'text', text }]
  if (Array.isArray(content)) return content.map((p) => (p && typeof p === 'object' && 'text' in p ? String((p as { text: unknown }).text) : '')).join('');
  return '';
}

/** Every JSON line between `<records>` and `</records>` that parses to an object. */
export function recordItems(user: string): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  for (const block of user.matchAll(/<records>([\s\S]*?)<\/records>/g)) {
    for (const line of block[1]!.split('\n')) {
      const trimmed = line.trim();
      if (!trimmed.startsWith('{')) continue;
      try {
        const value: unknown = JSON.parse(trimmed);
        if (value && typeof value === 'object' && !Array.isArray(value)) items.push(value as Record<string, unknown>);
      } catch {
        // A line that is not JSON is not an item; the responder sees the raw text anyway.
      }
    }
  }
  return items;
}

export function parseChatRequest(body: Record<string, unknown>): ParsedChatRequest {
  const messages = (Array.isArray(body.messages) ? body.messages : []).map((m: { role?: unknown; content?: unknown }) => ({ role: String(m.role ?? ''), content: textOf(m.content) }));
  const system = messages.filter((m) => m.role === 'system' || m.role === 'developer').map((m) => m.content).join('\n');
  const user = messages.filter((m) => m.role === 'user').map((m) => m.content).join('\n');
  const tools = Array.isArray(body.tools) ? (body.tools as { function?: { name?: string } }[]) : [];
  const choice = body.tool_choice as { function?: { name?: string } } | undefined;
  const toolName = choice?.function?.name ?? tools[0]?.function?.name;
  const format = (body.response_format as { type?: string } | undefined)?.type;
  const mode: AnswerMode = tools.length > 0 ? 'tool' : format === 'json_object' || format === 'json_schema' ? 'json' : 'text';
  const items = recordItems(user);
  const breakIds = items.map((i) => i.breakId).filter((id): id is string => typeof id === 'string');
  return { model: String(body.model ?? ''), messages, system, user, mode, ...(toolName ? { toolName } : {}), items, breakIds, body };
}

/** All string values inside an item (record text included), for instruction scanning. */
export function itemText(item: Record<string, unknown>): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(item);
  return out.join('\n');
}
