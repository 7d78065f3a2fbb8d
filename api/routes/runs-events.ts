/**
 * `GET /api/runs/:id/events`: a run's progress as Server-Sent Events.
 *
 *   event: progress   data: {"phase":"agents","done":40,"total":120}
 *   event: done       data: the finished run (status, stats, tokens, cost, exception counts)
 *   event: failed     data: {"runId":…,"status":"failed"|"cancelled","error":…}
 *
 * The stream ends after `done` or `failed`. A run that already finished gets
 * its final event at once. Live events come from the run launcher; the run
 * row is also re-read every few seconds, so a run some other process drives
 * (the worker) or an event lost between reading and subscribing still ends
 * the stream. Comment lines keep idle proxies from closing it.
 */
import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { runById } from '../../db/repositories/runs-query.ts';
import type { Run } from '../../db/schema/runs.ts';
import type { ApiDeps, RunProgressEvent } from '../api-deps.ts';
import { runDetailView } from './runs-view.ts';

export interface RunEventTimings {
  /** How often the run row is re-read while no event arrives, ms. */
  readonly pollMs: number;
  /** Idle time after which a comment line is sent, ms. */
  readonly heartbeatMs: number;
}

export const DEFAULT_RUN_EVENT_TIMINGS: RunEventTimings = { pollMs: 2_000, heartbeatMs: 15_000 };

const FINISHED = new Set(['completed', 'failed', 'cancelled']);

/** Events in arrival order, and a wait for the next one that gives up after `ms`. */
function eventQueue() {
  const items: RunProgressEvent[] = [];
  let wake: (() => void) | undefined;
  return {
    push(event: RunProgressEvent) {
      items.push(event);
      wake?.();
    },
    async next(ms: number): Promise<RunProgressEvent | undefined> {
      if (items.length === 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, ms);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
      return items.shift();
    },
  };
}

async function sendFinal(deps: ApiDeps, stream: SSEStreamingApi, run: Run, id: () => string): Promise<void> {
  if (run.status === 'completed') await stream.writeSSE({ event: 'done', data: JSON.stringify(await runDetailView(deps.db.db, run, deps.clock())), id: id() });
  else await stream.writeSSE({ event: 'failed', data: JSON.stringify({ runId: run.id, status: run.status, error: run.error }), id: id() });
}

export function runEventStream(deps: ApiDeps, c: Context, first: Run, timings: RunEventTimings = DEFAULT_RUN_EVENT_TIMINGS): Response {
  return streamSSE(c, async (stream) => {
    let seq = 0;
    const id = () => String(++seq);
    if (FINISHED.has(first.status)) return sendFinal(deps, stream, first, id);
    const queue = eventQueue();
    let aborted = false;
    stream.onAbort(() => {
      aborted = true;
    });
    const unsubscribe = deps.runs?.subscribe(first.id, (e) => queue.push(e)) ?? (() => {});
    try {
      await stream.writeSSE({ event: 'progress', data: JSON.stringify({ phase: first.status === 'queued' ? 'queued' : 'load', done: 0, total: 0 }), id: id() });
      let lastPoll = Date.now();
      let lastWrite = Date.now();
      while (!aborted) {
        const event = await queue.next(Math.min(timings.pollMs, timings.heartbeatMs));
        if (event && event.phase !== 'done' && event.phase !== 'failed') {
          await stream.writeSSE({ event: 'progress', data: JSON.stringify({ phase: event.phase, done: event.done, total: event.total, ...(event.message ? { message: event.message } : {}) }), id: id() });
          lastWrite = Date.now();
          continue;
        }
        // A final event, or time to look at the row: the row has the final figures either way.
        if (event || Date.now() - lastPoll >= timings.pollMs) {
          lastPoll = Date.now();
          const run = await runById(deps.db.db, first.id);
          if (!run) return;
          if (FINISHED.has(run.status)) return await sendFinal(deps, stream, run, id);
          if (event?.phase === 'failed') return await stream.writeSSE({ event: 'failed', data: JSON.stringify({ runId: run.id, status: 'failed', error: event.message ?? null }), id: id() });
        }
        if (Date.now() - lastWrite >= timings.heartbeatMs) {
          await stream.write(': keep-alive\n\n');
          lastWrite = Date.now();
        }
      }
    } finally {
      unsubscribe();
    }
  });
}
