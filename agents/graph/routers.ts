/**
 * The run graph's one decision: no breaks → finalize; otherwise one `Send`
 * per chunk of breaks to the chunk processor, each with its share of the
 * reviewer memory.
 */
import { Send } from '@langchain/langgraph';
import type { ChunkInput } from './chunk-state.ts';
import type { RunStateValue } from './run-state.ts';

export type AfterRoute = 'finalize' | Send<'processChunk', ChunkInput>[];

export function chunkBreaks(state: RunStateValue, chunkSize: number): ChunkInput[] {
  const chunks: ChunkInput[] = [];
  for (let i = 0; i < state.breaks.length; i += chunkSize) {
    const chunk = state.breaks.slice(i, i + chunkSize);
    const memory: Record<string, ChunkInput['memory'][string]> = {};
    for (const b of chunk) {
      const m = state.memory[b.fingerprint];
      if (m) memory[b.fingerprint] = m;
    }
    chunks.push({ chunk, memory, total: state.breaks.length });
  }
  return chunks;
}

export function routeAfterMatch(chunkSize: number) {
  return (state: RunStateValue): AfterRoute => {
    if (state.breaks.length === 0) return 'finalize';
    return chunkBreaks(state, chunkSize).map((input) => new Send('processChunk', input));
  };
}
