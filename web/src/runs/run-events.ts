/**
 * Following a run's progress over Server-Sent Events. The browser's
 * EventSource sends the login cookie (same origin) and reconnects by itself
 * after a dropped connection; the stream ends with `done` or `failed`, after
 * which it is closed here so it does not reconnect.
 */
import type { RunDetail, RunFailure, RunProgress } from '../api/runs-api.ts';

/** The part of EventSource used here, so tests can hand in their own. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  onerror: ((event: Event) => void) | null;
  onopen: ((event: Event) => void) | null;
  close(): void;
}

export type OpenEventSource = (url: string) => EventSourceLike;

export const openBrowserEventSource: OpenEventSource = (url) => new EventSource(url) as unknown as EventSourceLike;

export interface RunEventHandlers {
  progress(event: RunProgress): void;
  done(run: RunDetail): void;
  failed(failure: RunFailure): void;
  /** The connection dropped (true) or came back (false); EventSource retries meanwhile. */
  connection(lost: boolean): void;
}

export function followRun(url: string, open: OpenEventSource, handlers: RunEventHandlers): () => void {
  const source = open(url);
  const parse = <T>(event: MessageEvent<string>): T | undefined => {
    try {
      return JSON.parse(event.data) as T;
    } catch {
      return undefined;
    }
  };
  source.addEventListener('progress', (event) => {
    const data = parse<RunProgress>(event);
    if (data) handlers.progress(data);
  });
  source.addEventListener('done', (event) => {
    source.close();
    const data = parse<RunDetail>(event);
    if (data) handlers.done(data);
  });
  source.addEventListener('failed', (event) => {
    source.close();
    const data = parse<RunFailure>(event);
    if (data) handlers.failed(data);
  });
  source.onerror = () => handlers.connection(true);
  source.onopen = () => handlers.connection(false);
  return () => source.close();
}
