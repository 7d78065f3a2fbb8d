/** The API's apply queue port over the job system: each approval's apply is one job, its id the decision's, so queuing twice applies once. */
import type { ApplyQueue } from '../api/api-deps.ts';
import type { JobSystem } from '../worker/job-system.ts';
import { enqueueApply } from '../worker/processors/apply-processor.ts';

export function jobApplyQueue(jobs: JobSystem): ApplyQueue {
  return {
    enqueue: async (items) => {
      for (const item of items) await enqueueApply(jobs, item);
    },
  };
}
