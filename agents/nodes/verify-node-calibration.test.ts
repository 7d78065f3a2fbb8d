import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateCases } from '../../test/generated-cases.ts';
import { DEFAULT_RUN_SETTINGS, type ConfidenceCalibration } from '../agent-ports.ts';
import { rulesAgents } from '../rules-agents.ts';
import { runBatch } from '../run-batch.ts';
import { createMemoryRunStore } from '../stores/memory-run-store.ts';
import { caseSides } from '../testing/case-batch.ts';

const [c] = generateCases({ cases: 1, seed: 12, breaksPerCase: 6, matchesPerCase: 2 });

async function run(calibration?: ConfidenceCalibration) {
  const { results } = await runBatch({
    deps: { store: createMemoryRunStore(), rules: rulesAgents, loadRecords: async () => caseSides(c!), clock: () => new Date(), ...(calibration ? { calibration } : {}) },
    settings: DEFAULT_RUN_SETTINGS,
    input: { runId: randomUUID(), domain: 'cash', asOf: c!.asOf },
  });
  return results.map((r) => r.suggestion);
}

describe('confidence calibration in the verify step', () => {
  it('maps each suggestion\'s weakest-step confidence through the wired calibration, keyed by source and versions', async () => {
    const raw = await run();
    const seen: { raw: number; source: string; promptVersion: string }[] = [];
    const calibrated = await run({
      id: 'test',
      calibrate: (value, by) => {
        seen.push({ raw: value, source: by.source, promptVersion: by.promptVersion });
        return Math.round(value * 50) / 100;
      },
    });
    expect(calibrated.map((s) => s.confidence)).toEqual(raw.map((s) => Math.round(s.confidence * 50) / 100));
    expect(seen.map((s) => s.raw)).toEqual(raw.map((s) => s.confidence));
    expect(new Set(seen.map((s) => `${s.source} ${s.promptVersion}`))).toEqual(new Set([`rules ${rulesAgents.version},${rulesAgents.version},${rulesAgents.version}`]));
  });
});
