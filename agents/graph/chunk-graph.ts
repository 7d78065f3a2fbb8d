/** Wiring only: one chunk through the three agents, then verification. */
import { END, START, StateGraph } from '@langchain/langgraph';
import type { RunDeps, RunSettings } from '../agent-ports.ts';
import { classifyNode } from '../nodes/classify-node.ts';
import { rootCauseNode } from '../nodes/root-cause-node.ts';
import { suggestNode } from '../nodes/suggest-node.ts';
import { verifyNode } from '../nodes/verify-node.ts';
import { ChunkState } from './chunk-state.ts';

export function buildChunkGraph(deps: RunDeps, settings: RunSettings) {
  return new StateGraph(ChunkState)
    .addNode('classify', classifyNode(deps, settings))
    .addNode('rootCause', rootCauseNode(deps, settings))
    .addNode('suggest', suggestNode(deps, settings))
    .addNode('verify', verifyNode(deps))
    .addEdge(START, 'classify')
    .addEdge('classify', 'rootCause')
    .addEdge('rootCause', 'suggest')
    .addEdge('suggest', 'verify')
    .addEdge('verify', END)
    .compile();
}
