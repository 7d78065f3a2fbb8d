/**
 * Target of the fan-out: one chunk of breaks through the chunk graph
 * (classify → rootCause → suggest → verify). The chunk's results and token
 * usage are appended to the run state by its reducers.
 */
import type { RunDeps } from '../agent-ports.ts';
import type { ChunkInput, ChunkStateValue } from '../graph/chunk-state.ts';
import { createLimiter } from '../graph/limiter.ts';
import type { RunStateUpdate } from '../graph/run-state.ts';

interface ChunkRunner {
  invoke(input: { chunk: ChunkStateValue['chunk']; memory: ChunkStateValue['memory'] }): Promise<Pick<ChunkStateValue, 'results' | 'usage'>>;
}

export function processChunkNode(deps: RunDeps, chunkGraph: ChunkRunner, concurrency: number) {
  let done = 0;
  const limit = createLimiter(Math.max(1, concurrency));
  return async (input: ChunkInput): Promise<RunStateUpdate> => {
    const out = await limit(() => chunkGraph.invoke({ chunk: [...input.chunk], memory: { ...input.memory } }));
    done += input.chunk.length;
    deps.onProgress?.({ phase: 'agents', done: Math.min(done, input.total), total: input.total });
    return { results: out.results, usage: out.usage };
  };
}
