/**
 * The metrics registry: one per process, defined once and typed, exposed in
 * Prometheus text format at `/metrics`. Labels stay low-cardinality — the
 * matched route pattern, never a path with ids in it.
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export interface ReconMetrics {
  readonly registry: Registry;
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
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
  return {
    registry,
    httpRequests,
    httpDuration,
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}
