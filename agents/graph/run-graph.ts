/**
 * Wiring only (DESIGN §5):
 *
 *   START → load → match → route ─(no breaks)─▶ finalize → END
 *                            └─▶ processChunk × N (Send, bounded by maxConcurrency)
 *                                  → autoApprovalPolicy → persist → finalize → END
 *
 * The policy runs before persist so an exception and its auto-approval are
 * stored in one transaction.
 */
import type { BaseCheckpointSaver } from '@langchain/langgraph';
import { END, START, StateGraph } from '@langchain/langgraph';
import type { RunDeps, RunSettings } from '../agent-ports.ts';
import { autoApprovalNode } from '../nodes/auto-approval-node.ts';
import { finalizeNode } from '../nodes/finalize-node.ts';
import { loadNode } from '../nodes/load-node.ts';
import { matchNode } from '../nodes/match-node.ts';
import { persistNode } from '../nodes/persist-node.ts';
import { processChunkNode } from '../nodes/process-chunk-node.ts';
import { routeNode } from '../nodes/route-node.ts';
import { buildChunkGraph } from './chunk-graph.ts';
import { routeAfterMatch } from './routers.ts';
import { RunState } from './run-state.ts';

export function buildRunGraph(deps: RunDeps, settings: RunSettings, checkpointer?: BaseCheckpointSaver) {
  const chunkGraph = buildChunkGraph(deps, settings);
  return new StateGraph(RunState)
    .addNode('load', loadNode(deps, settings))
    .addNode('match', matchNode(deps))
    .addNode('route', routeNode(deps))
    .addNode('processChunk', processChunkNode(deps, chunkGraph, settings.concurrency))
    .addNode('autoApprovalPolicy', autoApprovalNode(settings))
    .addNode('persist', persistNode(deps))
    .addNode('finalize', finalizeNode(deps))
    .addEdge(START, 'load')
    .addEdge('load', 'match')
    .addEdge('match', 'route')
    .addConditionalEdges('route', routeAfterMatch(settings.mode === 'rules' ? settings.rulesChunkSize : settings.chunkSize), ['processChunk', 'finalize'])
    .addEdge('processChunk', 'autoApprovalPolicy')
    .addEdge('autoApprovalPolicy', 'persist')
    .addEdge('persist', 'finalize')
    .addEdge('finalize', END)
    .compile(checkpointer ? { checkpointer } : {});
}
