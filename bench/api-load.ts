/**
 * A bounded HTTP load generator: a fixed number of requests over exactly
 * `connections` keep-alive sockets (one request in flight per socket), then
 * it stops by itself. Latencies are per request, client side.
 */
import { Agent, request } from 'node:http';

export interface LoadRequest {
  readonly method: string;
  readonly path: string;
  readonly body?: string;
}

export interface LoadResult {
  readonly count: number;
  readonly errors: number;
  /** First error status and body, to say why. */
  readonly firstError?: string;
  readonly seconds: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

function send(agent: Agent, base: URL, headers: Record<string, string>, r: LoadRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: base.hostname, port: base.port, method: r.method, path: r.path, headers: r.body ? { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(r.body) } : headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(r.body);
  });
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export async function runLoad(options: { baseUrl: string; headers: Record<string, string>; connections: number; requests: number; next: (i: number) => LoadRequest }): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const base = new URL(options.baseUrl);
  const latencies: number[] = [];
  let issued = 0;
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const worker = async () => {
    while (issued < options.requests) {
      const r = options.next(issued++);
      const t = performance.now();
      const res = await send(agent, base, options.headers, r);
      latencies.push(performance.now() - t);
      if (res.status >= 300) {
        errors++;
        firstError ??= `${res.status} ${res.body.slice(0, 300)}`;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.connections }, worker));
  } finally {
    agent.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return { count: sorted.length, errors, ...(firstError ? { firstError } : {}), seconds, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}
