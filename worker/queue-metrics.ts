/**
 * What the worker reports about its queues, with low-cardinality labels only
 * (the queue's name, a state, an outcome — never a job id), and its binding
 * to the process's prom-client metrics (`recon_queue_depth`,
 * `recon_job_duration_seconds`, `recon_job_failures_total`).
 */
import type { Counter, Gauge, Histogram } from 'prom-client';
import { QUEUE_NAMES, type QueueKey } from '../core/jobs/queue-names.ts';

export interface QueueMetrics {
  depth(queue: QueueKey, state: 'waiting' | 'delayed' | 'active' | 'failed', count: number): void;
  duration(queue: QueueKey, outcome: 'completed' | 'failed', seconds: number): void;
  failure(queue: QueueKey, outcome: 'retry' | 'final'): void;
}

export interface QueueMetricInstruments {
  readonly queueDepth: Gauge<'queue' | 'state'>;
  readonly jobDuration: Histogram<'queue' | 'outcome'>;
  readonly jobFailures: Counter<'queue' | 'outcome'>;
}

export function promQueueMetrics(m: QueueMetricInstruments): QueueMetrics {
  return {
    depth: (queue, state, count) => m.queueDepth.set({ queue: QUEUE_NAMES[queue], state }, count),
    duration: (queue, outcome, seconds) => m.jobDuration.observe({ queue: QUEUE_NAMES[queue], outcome }, seconds),
    failure: (queue, outcome) => m.jobFailures.inc({ queue: QUEUE_NAMES[queue], outcome }),
  };
}
