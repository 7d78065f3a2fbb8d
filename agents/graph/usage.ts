/** Token usage per agent, summed as chunks report it. */
import type { AgentName } from '../../core/breaks/agent-outputs.ts';
import type { TokenUsage } from '../../core/breaks/suggestion.ts';
import { addUsage as addTokens, ZERO_USAGE } from '../llm/llm-cost.ts';

export type AgentUsage = TokenUsage & { readonly calls: number };
export type UsageByAgent = Partial<Record<AgentName, AgentUsage>>;

export function addUsageByAgent(a: UsageByAgent, b: UsageByAgent): UsageByAgent {
  const out: Partial<Record<AgentName, AgentUsage>> = { ...a };
  for (const agent of Object.keys(b) as AgentName[]) {
    const u = b[agent];
    if (!u) continue;
    const prev = out[agent] ?? { ...ZERO_USAGE, calls: 0 };
    out[agent] = { ...addTokens(prev, u), calls: prev.calls + u.calls };
  }
  return out;
}

export function totalUsage(usage: UsageByAgent): TokenUsage {
  let total = ZERO_USAGE;
  for (const u of Object.values(usage)) if (u) total = addTokens(total, u);
  return total;
}
