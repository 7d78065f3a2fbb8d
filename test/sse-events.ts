/** Reads a Server-Sent Events response in tests: every event (comments skipped) until the stream ends. */
export interface SseEvent {
  readonly event: string;
  readonly data: string;
  readonly id?: string;
}

export function parseSse(text: string): SseEvent[] {
  const out: SseEvent[] = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    let event = 'message';
    let id: string | undefined;
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }
    if (data.length > 0) out.push({ event, data: data.join('\n'), ...(id === undefined ? {} : { id }) });
  }
  return out;
}

/** The events of a stream, read to its end (or until `timeoutMs`, which fails). */
export async function readSse(response: Response, timeoutMs = 20_000): Promise<SseEvent[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the event stream did not end within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return parseSse(await Promise.race([response.text(), timeout]));
  } finally {
    clearTimeout(timer);
  }
}
