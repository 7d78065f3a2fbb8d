/**
 * The load generator's own process: the API bench forks this file so the
 * client's CPU (building requests, parsing answers, timing) does not run on
 * the server's event loop and inflate the latencies it measures. It takes one
 * job over IPC — the requests are listed up front, so the count is bounded —
 * runs it with `runLoad`, answers with the result and exits.
 */
import { runLoad, type LoadRequest, type LoadResult } from './api-load.ts';

export interface LoadJob {
  readonly baseUrl: string;
  readonly headers: Record<string, string>;
  readonly connections: number;
  readonly requests: readonly LoadRequest[];
}

export type LoadReply = { readonly ok: true; readonly result: LoadResult } | { readonly ok: false; readonly error: string };

process.once('message', (job: LoadJob) => {
  const reply = (r: LoadReply) => process.send?.(r, () => process.disconnect());
  // Loopback only: the bench never drives anything but the server it started.
  if (!/^http:\/\/127\.0\.0\.1:\d+\/?$/.test(job.baseUrl)) {
    reply({ ok: false, error: `refusing a non-loopback base URL ${job.baseUrl}` });
    return;
  }
  runLoad({ baseUrl: job.baseUrl, headers: job.headers, connections: job.connections, requests: job.requests.length, next: (i) => job.requests[i]! }).then(
    (result) => reply({ ok: true, result }),
    (error: unknown) => reply({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
