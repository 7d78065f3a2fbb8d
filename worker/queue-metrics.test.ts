/** The worker's queue metrics as Prometheus reads them: depth, durations and failures by queue, no job ids in labels. */
import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../monitoring/metrics-registry.ts';
import { createLogger } from '../monitoring/logger.ts';
import { testEnv } from '../test/test-env.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { startJobRuntime, type JobRuntime } from './job-runtime.ts';
import type { JobSystem } from './job-system.ts';
import { promQueueMetrics } from './queue-metrics.ts';
import { eventually, jobSystemVariants } from './testing/job-systems.ts';

const logger = createLogger({ level: 'silent' });

for (const variant of jobSystemVariants(testEnv)) {
  describe.skipIf(variant.skip !== undefined)(`queue metrics on the ${variant.name} job system${variant.skip ? ` (${variant.skip})` : ''}`, () => {
    let jobs: JobSystem;
    let runtime: JobRuntime;
    afterEach(async () => {
      await runtime?.close();
      await jobs?.close();
    });

    it('counts a failed job once as final, observes its duration, and sets the depth of every queue', async () => {
      jobs = variant.create();
      const metrics = createMetrics({ defaults: false });
      // No database is touched: the payload is refused before any processor reads one.
      runtime = startJobRuntime({ db: {} as DatabaseHandle, jobs, logger, wire: async () => Promise.reject(new Error('not used')), settings: () => { throw new Error('not used'); }, defaultMode: 'rules', clock: () => new Date(), concurrency: 1, metrics: promQueueMetrics(metrics), depthIntervalMs: 50 });
      await jobs.add({ queue: 'apply', name: 'apply', data: { exceptionId: 'not-a-uuid' }, jobId: 'bad-apply' });
      await eventually(async () => ((await jobs.job('apply', 'bad-apply'))?.state === 'failed' ? true : undefined));
      const body = await eventually(async () => {
        const text = (await metrics.render()).body;
        return /recon_queue_depth\{queue="recon-apply",state="failed"\} 1/.test(text) ? text : undefined;
      });
      expect(body).toContain('recon_job_failures_total{queue="recon-apply",outcome="final"} 1');
      expect(body).toMatch(/recon_job_duration_seconds_count\{queue="recon-apply",outcome="failed"\} 1/);
      expect(body).toMatch(/recon_queue_depth\{queue="recon-nightly",state="waiting"\} 0/);
      expect(body).not.toContain('bad-apply');
    });
  });
}
