/** One suite, both job systems: what processors and schedules rely on. */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../core/errors/app-error.ts';
import { testEnv } from '../test/test-env.ts';
import type { JobSystem } from './job-system.ts';
import { eventually, jobSystemVariants } from './testing/job-systems.ts';

for (const variant of jobSystemVariants(testEnv)) {
  describe.skipIf(variant.skip !== undefined)(`the ${variant.name} job system${variant.skip ? ` (${variant.skip})` : ''}`, () => {
    let jobs: JobSystem;
    afterEach(async () => {
      await jobs?.close();
    });

    it('adds a job once per id: a duplicate is not added', async () => {
      jobs = variant.create();
      const seen: string[] = [];
      jobs.work('nightly', async (job) => void seen.push(job.id), { concurrency: 1 });
      expect(await jobs.add({ queue: 'nightly', name: 'run', data: {}, jobId: 'a.1' })).toEqual({ id: 'a.1', added: true });
      await eventually(async () => ((await jobs.job('nightly', 'a.1'))?.state === 'completed' ? true : undefined));
      expect(await jobs.add({ queue: 'nightly', name: 'run', data: {}, jobId: 'a.1' })).toEqual({ id: 'a.1', added: false });
      await new Promise((r) => setTimeout(r, 200));
      expect(seen).toEqual(['a.1']);
    });

    it('retries a transient failure with backoff and succeeds; fails an unrecoverable one and an invalid payload at once', async () => {
      jobs = variant.create();
      const attempts = new Map<string, number>();
      const finals: string[] = [];
      jobs.work(
        'apply',
        async (job) => {
          const n = (attempts.get(job.id) ?? 0) + 1;
          attempts.set(job.id, n);
          if (job.id === 'transient' && n < 3) throw new AppError('db_unavailable', 'connection refused');
          if (job.id === 'bad-config') throw new AppError('config_invalid', 'reconciliation ops has no such account');
          if (job.id === 'bad-payload') z.strictObject({ decisionId: z.uuid() }).parse(job.data);
          return { ok: n };
        },
        { concurrency: 2, onFinalFailure: async (job) => void finals.push(job.id) },
      );
      for (const id of ['transient', 'bad-config', 'bad-payload']) await jobs.add({ queue: 'apply', name: 'apply', data: { decisionId: 'nope' }, jobId: id, attempts: 4, backoffMs: 50 });
      const done = await eventually(async () => {
        const j = await jobs.job('apply', 'transient');
        return j?.state === 'completed' ? j : undefined;
      });
      expect(done).toMatchObject({ attemptsMade: 3, returnValue: { ok: 3 } });
      const config = await eventually(async () => ((await jobs.job('apply', 'bad-config'))?.state === 'failed' ? jobs.job('apply', 'bad-config') : undefined));
      expect(config).toMatchObject({ attemptsMade: 1, failedReason: 'reconciliation ops has no such account' });
      const payload = await eventually(async () => ((await jobs.job('apply', 'bad-payload'))?.state === 'failed' ? jobs.job('apply', 'bad-payload') : undefined));
      expect(payload).toMatchObject({ attemptsMade: 1, failedReason: expect.stringContaining('invalid payload: decisionId') });
      expect(attempts.get('bad-config')).toBe(1);
      expect(attempts.get('bad-payload')).toBe(1);
      await eventually(async () => (finals.length === 2 ? true : undefined));
      expect(finals.sort()).toEqual(['bad-config', 'bad-payload']);
    });

    it('runs a flow’s parent only after every child completed', async () => {
      jobs = variant.create();
      const order: string[] = [];
      jobs.work('partition', async (job) => {
        await new Promise((r) => setTimeout(r, 30));
        order.push(job.id);
      }, { concurrency: 2 });
      jobs.work('nightly', async (job) => void order.push(job.id), { concurrency: 1 });
      const children = ['c1', 'c2', 'c3'].map((id) => ({ queue: 'partition' as const, name: 'partition', data: {}, jobId: id }));
      expect(await jobs.addFlow({ queue: 'nightly', name: 'finalize', data: {}, jobId: 'parent' }, children)).toEqual({ added: true });
      await eventually(async () => ((await jobs.job('nightly', 'parent'))?.state === 'completed' ? true : undefined));
      expect(order.at(-1)).toBe('parent');
      expect(order.slice(0, 3).sort()).toEqual(['c1', 'c2', 'c3']);
      expect(await jobs.addFlow({ queue: 'nightly', name: 'finalize', data: {}, jobId: 'parent' }, children)).toEqual({ added: false });
    });

    it('fires a cron scheduler, tells its next run, and stops when it is removed', async () => {
      jobs = variant.create();
      const fired: unknown[] = [];
      jobs.work('nightly', async (job) => void fired.push(job.data), { concurrency: 1 });
      await jobs.upsertScheduler('reconciliation.ops', { cron: '* * * * * *', timezone: 'Europe/Berlin' }, { queue: 'nightly', name: 'trigger', data: { kind: 'trigger', reconciliationId: 'ops' } });
      // Upserting again replaces it: still one scheduler.
      await jobs.upsertScheduler('reconciliation.ops', { cron: '* * * * * *', timezone: 'Europe/Berlin' }, { queue: 'nightly', name: 'trigger', data: { kind: 'trigger', reconciliationId: 'ops' } });
      const next = await jobs.nextRun('reconciliation.ops');
      expect(next).toBeInstanceOf(Date);
      expect(next!.getTime()).toBeLessThanOrEqual(Date.now() + 1500);
      await eventually(async () => (fired.length >= 1 ? true : undefined), 5000, 'the scheduler to fire');
      expect(fired[0]).toEqual({ kind: 'trigger', reconciliationId: 'ops' });
      await jobs.removeScheduler('reconciliation.ops');
      expect(await jobs.nextRun('reconciliation.ops')).toBeNull();
      await new Promise((r) => setTimeout(r, 300));
      const count = fired.length;
      await new Promise((r) => setTimeout(r, 1500));
      expect(fired.length).toBe(count);
    });

    it('counts jobs by state for the queue-depth gauge', async () => {
      jobs = variant.create();
      await jobs.add({ queue: 'apply', name: 'apply', data: {}, jobId: 'w1' });
      await jobs.add({ queue: 'apply', name: 'apply', data: {}, jobId: 'w2' });
      expect(await jobs.counts('apply')).toMatchObject({ waiting: 2, active: 0 });
    });
  });
}

describe('the BullMQ job system without a Redis to talk to', () => {
  it('answers a producer call with redis_unavailable instead of waiting forever, and still closes', async () => {
    const { createBullmqJobSystem } = await import('./bullmq-job-system.ts');
    // Port 9 (discard) on the loopback: nothing listens there.
    const jobs = createBullmqJobSystem({ redisUrl: 'redis://127.0.0.1:9', prefix: 'recon-test-down', commandTimeoutMs: 300 });
    try {
      await expect(jobs.add({ queue: 'nightly', name: 'run', data: {}, jobId: 'x' })).rejects.toMatchObject({ code: 'redis_unavailable', retryable: true });
      await expect(jobs.nextRun('reconciliation.ops')).rejects.toMatchObject({ code: 'redis_unavailable' });
    } finally {
      await jobs.close();
    }
  }, 20_000);
});
