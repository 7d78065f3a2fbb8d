/**
 * At most `limit` tasks at once. The graph's `maxConcurrency` bounds the
 * fan-out too, but LangGraph 1.7 silently drops `Send` tasks when it is 1
 * (langchain-ai/langgraphjs#2656), so the run passes it at least 2 and this
 * limiter enforces the configured number, 1 included.
 */
export function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
