/** Token usage per agent, summed as chunks report it. */
import type { AgentName } from '../../core/breaks/agent-outputs.ts';
import type { TokenUsage } from '../../core/breaks/suggestion.ts';

export type AgentUsage = TokenUsage & { readonly calls: number };
export type UsageByAgent = Partial<Record<AgentName, AgentUsage>>;

export function addUsage(a: UsageByAgent, b: UsageByAgent): UsageByAgent {
  const out: Partial<Record<AgentName, AgentUsage>> = { ...a };
  for (const agent of Object.keys(b) as AgentName[]) {
    const u = b[agent];
    if (!u) continue;
    const prev = out[agent] ?? { promptTokens: 0, completionTokens: 0, calls: 0 };
    out[agent] = { promptTokens: prev.promptTokens + u.promptTokens, completionTokens: prev.completionTokens + u.completionTokens, calls: prev.calls + u.calls };
  }
  return out;
}

export function totalUsage(usage: UsageByAgent): TokenUsage {
  let promptTokens = 0;
  let completionTokens = 0;
  for (const u of Object.values(usage)) {
    promptTokens += u?.promptTokens ?? 0;
    completionTokens += u?.completionTokens ?? 0;
  }
  return { promptTokens, completionTokens };
}
