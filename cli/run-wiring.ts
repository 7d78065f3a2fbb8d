/**
 * Wires the agent graph's dependencies from the configuration: the database
 * run store, the rules, the LLM agents when an endpoint is configured, the
 * checkpointer, a cache shared by the process, the committed confidence
 * calibration, and the settings.
 */
import type { Config } from '../core/config/config-schema.ts';
import type { AgentMode } from '../core/statuses.ts';
import type { AgentCache, ConfidenceCalibration, LlmAgents, RecordSource, RunDeps, RunProgress, RunSettings } from '../agents/agent-ports.ts';
import { DEFAULT_RUN_SETTINGS } from '../agents/agent-ports.ts';
import { createCheckpointer, type CheckpointerHandle } from '../agents/checkpoint/create-checkpointer.ts';
import { createLlmAgents, type LlmObserver } from '../agents/llm/index.ts';
import { rulesAgents } from '../agents/rules-agents.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { createDbRunStore } from '../db/repositories/run-store.ts';
import { calibrationFrom, readCalibrationMap } from '../evals/calibration/calibration-map.ts';
import type { Logger } from '../monitoring/logger.ts';
import { processMetrics, type ReconMetrics } from '../monitoring/metrics-registry.ts';
import { llmObserver, runMetrics } from '../monitoring/run-metrics.ts';

/** Fingerprint answers kept per process; old ones go first. */
const CACHE_LIMIT = 10_000;

export function boundedCache(limit = CACHE_LIMIT): AgentCache {
  const map = new Map<string, unknown>();
  return {
    get: (key) => map.get(key),
    set: (key, value) => {
      map.delete(key);
      map.set(key, value);
      if (map.size > limit) map.delete(map.keys().next().value!);
    },
  };
}

const processCache = boundedCache();

export function runSettings(config: Config, mode: AgentMode = config.mode): RunSettings {
  return {
    ...DEFAULT_RUN_SETTINGS,
    mode,
    chunkSize: config.llmBatchSize,
    concurrency: config.llm.concurrency,
    hybridThreshold: config.hybridThreshold,
    autoApproval: config.autoApproveMaxAmount
      ? { enabled: true, maxAmount: config.autoApproveMaxAmount, minConfidence: DEFAULT_RUN_SETTINGS.autoApproval.minConfidence, requireAgreement: true }
      : DEFAULT_RUN_SETTINGS.autoApproval,
  };
}

export interface RunWiring {
  readonly deps: RunDeps;
  readonly checkpointer: CheckpointerHandle;
  close(): Promise<void>;
}

/** The LLM agents of the configured endpoint, or nothing without one (rules only). */
export function configuredLlmAgents(config: Config, logger: Logger, observer?: LlmObserver): LlmAgents | undefined {
  return config.llm.baseUrl
    ? createLlmAgents({
        baseUrl: config.llm.baseUrl,
        ...(config.llm.apiKey ? { apiKey: config.llm.apiKey } : {}),
        model: config.llm.model,
        timeoutMs: config.llm.timeoutMs,
        maxRetries: config.llm.maxRetries,
        method: config.llm.structuredOutput === 'json_mode' ? 'jsonMode' : 'functionCalling',
        price: config.llm.price,
        logger,
        ...(observer ? { observer } : {}),
      })
    : undefined;
}

/** The committed confidence calibration (evals/calibration), read once per process; none when the file is absent. */
let calibration: ConfidenceCalibration | null | undefined;
export function committedCalibration(): ConfidenceCalibration | undefined {
  if (calibration === undefined) {
    const map = readCalibrationMap();
    calibration = map ? calibrationFrom(map) : null;
  }
  return calibration ?? undefined;
}

/** `metrics`: the registry the run counts into; the process's own by default (scraped at `/metrics`). */
export async function wireRun(
  config: Config,
  db: DatabaseHandle,
  loadRecords: RecordSource,
  logger: Logger,
  onProgress?: (p: RunProgress) => void,
  metrics: ReconMetrics = processMetrics(),
): Promise<RunWiring> {
  const llm = configuredLlmAgents(config, logger, llmObserver(metrics));
  const confidence = committedCalibration();
  const checkpointer = await createCheckpointer({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const deps: RunDeps = {
    store: createDbRunStore(db.db),
    rules: rulesAgents,
    ...(llm ? { llm } : {}),
    loadRecords,
    clock: () => new Date(),
    cache: processCache,
    metrics: runMetrics(metrics),
    price: config.llm.price,
    ...(onProgress ? { onProgress } : {}),
    ...(confidence ? { calibration: confidence } : {}),
  };
  return { deps, checkpointer, close: () => checkpointer.close() };
}
