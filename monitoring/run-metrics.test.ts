import { describe, expect, it } from 'vitest';
import { createMetrics } from './metrics-registry.ts';
import { llmObserver, runMetrics } from './run-metrics.ts';
import { parseExposition } from './testing/parse-exposition.ts';

async function sample(m: ReturnType<typeof createMetrics>, name: string, labels: Record<string, string> = {}): Promise<number | undefined> {
  return parseExposition((await m.render()).body).value(name, labels);
}

describe('runMetrics', () => {
  it('counts a completed run: mode and outcome, records by side, matched records, match rate and breaks by type', async () => {
    const m = createMetrics({ defaults: false });
    const port = runMetrics(m);
    port.run({ mode: 'rules', outcome: 'completed', seconds: 2, summary: { match: { externalRecords: 6, internalRecords: 4, matchedRecords: 8 }, byType: { unbooked_fee: 1, timing_difference: 1 } } });
    port.run({ mode: 'hybrid', outcome: 'failed', seconds: 1 });
    expect(await sample(m, 'recon_runs_total', { mode: 'rules', outcome: 'completed' })).toBe(1);
    expect(await sample(m, 'recon_runs_total', { mode: 'hybrid', outcome: 'failed' })).toBe(1);
    expect(await sample(m, 'recon_records_ingested_total', { side: 'external' })).toBe(6);
    expect(await sample(m, 'recon_records_ingested_total', { side: 'internal' })).toBe(4);
    expect(await sample(m, 'recon_records_matched_total', { mode: 'rules' })).toBe(8);
    expect(await sample(m, 'recon_match_rate', { mode: 'rules' })).toBeCloseTo(0.8);
    expect(await sample(m, 'recon_breaks_total', { type: 'unbooked_fee' })).toBe(1);
  });

  it('counts agent calls, fallbacks, used tokens and suggestions', async () => {
    const m = createMetrics({ defaults: false });
    const port = runMetrics(m);
    port.agentCall('classify', 'ok', 0.4);
    port.agentCall('classify', 'fallback', 1.2);
    port.fallback('classify', 'timeout');
    port.tokens('classify', { promptTokens: 100, completionTokens: 20 });
    port.suggestion('rules');
    port.suggestion('rules');
    expect(await sample(m, 'recon_agent_calls_total', { agent: 'classify', outcome: 'fallback' })).toBe(1);
    expect(await sample(m, 'recon_llm_fallbacks_total', { agent: 'classify', reason: 'timeout' })).toBe(1);
    expect(await sample(m, 'recon_agent_tokens_total', { agent: 'classify', kind: 'completion' })).toBe(20);
    expect(await sample(m, 'recon_suggestions_total', { source: 'rules' })).toBe(2);
  });
});

describe('llmObserver', () => {
  it('counts calls by outcome with latency, tokens and cost, and keeps one circuit state at 1', async () => {
    const m = createMetrics({ defaults: false });
    const observer = llmObserver(m);
    observer.circuit('closed');
    observer.call({ agent: 'suggest', outcome: 'ok', seconds: 0.8, usage: { promptTokens: 300, completionTokens: 50 }, cost: '0.000123' });
    observer.call({ agent: 'suggest', outcome: 'invalid_output', seconds: 0.5, usage: { promptTokens: 10, completionTokens: 5 } });
    observer.circuit('open');
    expect(await sample(m, 'recon_llm_requests_total', { agent: 'suggest', outcome: 'ok' })).toBe(1);
    expect(await sample(m, 'recon_llm_requests_total', { agent: 'suggest', outcome: 'invalid_output' })).toBe(1);
    expect(await sample(m, 'recon_llm_tokens_total', { agent: 'suggest', kind: 'prompt' })).toBe(310);
    expect(await sample(m, 'recon_llm_cost_usd_total', { agent: 'suggest' })).toBeCloseTo(0.000123);
    expect(await sample(m, 'recon_llm_circuit_state', { state: 'open' })).toBe(1);
    expect(await sample(m, 'recon_llm_circuit_state', { state: 'closed' })).toBe(0);
    const text = (await m.render()).body;
    expect(text).toContain('recon_llm_request_duration_seconds_count{agent="suggest",outcome="error"} 1');
  });
});
