/**
 * The metrics registry: one per process, defined once and typed, exposed in
 * Prometheus text format at `/metrics`. Labels stay low-cardinality — the
 * matched route pattern, never a path with ids in it.
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
  /** The exposition: content type and body. */
  render(): Promise<{ contentType: string; body: string }>;
}

export function createMetrics(options: { defaults?: boolean } = {}): ReconMetrics {
  const registry = new Registry();
  if (options.defaults ?? true) collectDefaultMetrics({ register: registry, prefix: 'recon_' });
  const httpRequests = new Counter({ name: 'recon_http_requests_total', help: 'HTTP requests by method, route pattern and status', labelNames: ['method', 'route', 'status'] as const, registers: [registry] });
  const httpDuration = new Histogram({
    name: 'recon_http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const queueDepth = new Gauge({ name: 'recon_queue_depth', help: 'Jobs in a queue by state (waiting, delayed, active, failed)', labelNames: ['queue', 'state'] as const, registers: [registry] });
  const jobDuration = new Histogram({
    name: 'recon_job_duration_seconds',
    help: 'Job processing time by queue and outcome (completed, failed)',
    labelNames: ['queue', 'outcome'] as const,
    buckets: [0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600],
    registers: [registry],
  });
  const jobFailures = new Counter({ name: 'recon_job_failures_total', help: 'Failed job attempts by queue and outcome (retry: will be retried, final: no attempts left)', labelNames: ['queue', 'outcome'] as const, registers: [registry] });
  return {
    registry,
    httpRequests,
    httpDuration,
    queueDepth,
    jobDuration,
    jobFailures,
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}
