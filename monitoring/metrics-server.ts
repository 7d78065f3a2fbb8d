/**
 * A bare `/metrics` HTTP endpoint for processes that serve no API — the
 * worker listens on `RECON_WORKER_METRICS_PORT` (default 9465) so Prometheus
 * scrapes every worker replica on its own. The API process serves `/metrics`
 * through its Hono app instead.
 */
import { createServer, type Server } from 'node:http';
import type { ReconMetrics } from './metrics-registry.ts';

export interface MetricsServer {
  /** The bound port (useful when 0 asked for a free one). */
  readonly port: number;
  close(): Promise<void>;
}

export interface ServeMetricsOptions {
  readonly host?: string;
  /** Called when a scrape fails to render, so the caller can log it (this module holds no logger). */
  readonly onError?: (error: unknown) => void;
}

export async function serveMetrics(metrics: Pick<ReconMetrics, 'render'>, port: number, options: ServeMetricsOptions = {}): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || (path !== '/metrics' && path !== '/livez')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    if (path === '/livez') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    metrics.render().then(
      ({ contentType, body }) => res.writeHead(200, { 'content-type': contentType }).end(body),
      (error: unknown) => {
        options.onError?.(error);
        res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return {
    port: bound,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
