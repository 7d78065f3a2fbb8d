/**
 * The metrics registry: one per process, defined once and typed, exposed in
 * Prometheus text format at `/metrics` (the API on its port, each worker on
 * its own). Labels stay low-cardinality — the matched route pattern, a queue
 * name, an agent, a break type, a currency — never an id or a raw path.
 * Where a metric is set from the database at scrape time (open exceptions,
 * money at risk, decisions) see `exposure-gauges.ts`.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface ReconMetrics {
  readonly registry: Registry;
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  /** Jobs per BullMQ queue and state, set by the worker (served on its own `/metrics` port). */
  readonly queueDepth: Gauge<'queue' | 'state'>;
  /** Job processing time by queue and outcome (`completed` | `failed`). */
  readonly jobDuration: Histogram<'queue' | 'outcome'>;
  /** Failed job attempts by queue and whether the job will be retried (`retry` | `final`). */
  readonly jobFailures: Counter<'queue' | 'outcome'>;
  /** Runs this process finished, by agent mode and outcome (`completed` | `failed` | `cancelled`). */
  readonly runs: Counter<'mode' | 'outcome'>;
  readonly runDuration: Histogram<'mode' | 'outcome'>;
  /** Records runs loaded, by side. */
  readonly recordsIngested: Counter<'side'>;
  /** Records runs matched automatically, by agent mode. */
  readonly recordsMatched: Counter<'mode'>;
  /** Matched records / loaded records of the last run finished in this process, by mode. */
  readonly matchRate: Gauge<'mode'>;
  /** Breaks runs raised, by break type. */
  readonly breaks: Counter<'type'>;
  /** Agent steps over a chunk that asked the LLM, by agent and outcome (`ok` | `fallback`). */
  readonly agentCalls: Counter<'agent' | 'outcome'>;
  readonly agentCallDuration: Histogram<'agent' | 'outcome'>;
  /** Tokens of the LLM answers the runs used, by agent and kind (`prompt` | `completion`). */
  readonly agentTokens: Counter<'agent' | 'kind'>;
  /** Suggestions the runs produced, by source (`rules` | `llm` | `memory` | `cache`). */
  readonly suggestions: Counter<'source'>;
  /** Calls to the LLM endpoint by agent and outcome (`ok` or the failure's fallback reason). */
  readonly llmRequests: Counter<'agent' | 'outcome'>;
  readonly llmDuration: Histogram<'agent' | 'outcome'>;
  /** Tokens the endpoint billed, answers that failed validation included. */
  readonly llmTokens: Counter<'agent' | 'kind'>;
  /** USD, from the configured price table. */
  readonly llmCost: Counter<'agent'>;
  /** Breaks handed back to the rules, by agent and reason (`timeout`, `circuit_open`, …). */
  readonly llmFallbacks: Counter<'agent' | 'reason'>;
  /** 1 for the circuit breaker's current state, 0 for the others. */
  readonly llmCircuitState: Gauge<'state'>;
  /** Applies of approved exceptions, by outcome (`applied` | `apply_failed` | `not_applied`). */
  readonly applyOutcomes: Counter<'outcome'>;
  /** The exposition: content type and body. */
  render(): Promise<{ contentType: string; body: string }>;
}

const SECONDS_FAST = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const SECONDS_LLM = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120];
const SECONDS_LONG = [0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600];

export function createMetrics(options: { defaults?: boolean } = {}): ReconMetrics {
  const registry = new Registry();
  if (options.defaults ?? true) collectDefaultMetrics({ register: registry, prefix: 'recon_' });
  const registers = [registry];
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) => new Counter<L>({ name, help, labelNames, registers });
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[]) => new Gauge<L>({ name, help, labelNames, registers });
  const histogram = <L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[]) => new Histogram<L>({ name, help, labelNames, buckets, registers });
  return {
    registry,
    httpRequests: counter('recon_http_requests_total', 'HTTP requests by method, route pattern and status', ['method', 'route', 'status']),
    httpDuration: histogram('recon_http_request_duration_seconds', 'HTTP request duration by method, route pattern and status', ['method', 'route', 'status'], SECONDS_FAST),
    queueDepth: gauge('recon_queue_depth', 'Jobs in a queue by state (waiting, delayed, active, failed)', ['queue', 'state']),
    jobDuration: histogram('recon_job_duration_seconds', 'Job processing time by queue and outcome (completed, failed)', ['queue', 'outcome'], SECONDS_LONG),
    jobFailures: counter('recon_job_failures_total', 'Failed job attempts by queue and outcome (retry: will be retried, final: no attempts left)', ['queue', 'outcome']),
    runs: counter('recon_runs_total', 'Runs finished by agent mode and outcome (completed, failed, cancelled)', ['mode', 'outcome']),
    runDuration: histogram('recon_run_duration_seconds', 'Run duration by agent mode and outcome', ['mode', 'outcome'], SECONDS_LONG),
    recordsIngested: counter('recon_records_ingested_total', 'Records loaded by runs, by side', ['side']),
    recordsMatched: counter('recon_records_matched_total', 'Records matched automatically by runs, by agent mode', ['mode']),
    matchRate: gauge('recon_match_rate', 'Share of loaded records matched automatically in the last run, by mode', ['mode']),
    breaks: counter('recon_breaks_total', 'Breaks raised by runs, by break type', ['type']),
    agentCalls: counter('recon_agent_calls_total', 'Agent steps that asked the LLM, by agent and outcome (ok, fallback)', ['agent', 'outcome']),
    agentCallDuration: histogram('recon_agent_call_duration_seconds', 'Time of agent steps that asked the LLM, by agent and outcome', ['agent', 'outcome'], SECONDS_LLM),
    agentTokens: counter('recon_agent_tokens_total', 'Tokens of LLM answers used by runs, by agent and kind (prompt, completion)', ['agent', 'kind']),
    suggestions: counter('recon_suggestions_total', 'Suggestions produced by runs, by source (rules, llm, memory, cache)', ['source']),
    llmRequests: counter('recon_llm_requests_total', 'LLM calls by agent and outcome (ok or the fallback reason)', ['agent', 'outcome']),
    llmDuration: histogram('recon_llm_request_duration_seconds', 'LLM call latency by agent and outcome (ok, error)', ['agent', 'outcome'], SECONDS_LLM),
    llmTokens: counter('recon_llm_tokens_total', 'Tokens billed by the LLM endpoint, by agent and kind (prompt, completion)', ['agent', 'kind']),
    llmCost: counter('recon_llm_cost_usd_total', 'LLM cost in USD from the configured prices, by agent', ['agent']),
    llmFallbacks: counter('recon_llm_fallbacks_total', 'Agent steps handed back to the rules, by agent and reason', ['agent', 'reason']),
    llmCircuitState: gauge('recon_llm_circuit_state', 'LLM circuit breaker: 1 for the current state (closed, open, half_open), 0 for the others', ['state']),
    applyOutcomes: counter('recon_apply_outcomes_total', 'Applies of approved exceptions by outcome (applied, apply_failed, not_applied)', ['outcome']),
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}

let shared: ReconMetrics | undefined;

/**
 * The process's registry, created on first use, for the entry points (API,
 * worker, run wiring) to share. Tests create their own with `createMetrics`.
 */
export function processMetrics(): ReconMetrics {
  shared ??= createMetrics();
  return shared;
}
