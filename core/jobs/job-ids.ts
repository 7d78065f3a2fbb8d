/**
 * Job ids derived from what the job is about, so a duplicate trigger (a
 * scheduler firing twice, a person pressing the button again) adds nothing:
 * the queue refuses a second job with the same id. BullMQ ids may not hold
 * ':', so the parts are joined with '.' — reconciliation ids are slugs and
 * dates are ISO, neither holds one.
 */
import { PARTITION_KINDS, type PartitionKind } from './queue-names.ts';

export function nightlyJobId(reconciliationId: string, asOf: string): string {
  return `nightly.${reconciliationId}.${asOf}`;
}

/** A nightly run's id for runs started from the API: each request is its own run. */
export function requestedRunJobId(runId: string): string {
  return `run.${runId}`;
}

/** Partitions and the parent that sums them belong to one run (a scheduled night, or a requested run). */
export function partitionJobId(parentRunId: string, partitionKey: string): string {
  return `partition.${parentRunId}.${partitionKey.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function finalizeJobId(parentRunId: string): string {
  return `finalize.${parentRunId}`;
}

/** One decision is applied once: retries of the same decision are the same job. */
export function applyJobId(decisionId: string): string {
  return `apply.${decisionId}`;
}

/** The scheduler's id for a reconciliation: one scheduler per reconciliation, replaced on change. */
export function schedulerId(reconciliationId: string): string {
  return `reconciliation.${reconciliationId}`;
}

/** A readable, stable partition key: `currency=EUR`, `account=1200`, `date=2026-10-01..2026-10-07`. */
export function partitionKeyOf(kind: Exclude<PartitionKind, 'none'>, value: string): string {
  if (!PARTITION_KINDS.includes(kind)) throw new Error(`unknown partition kind ${String(kind)}`);
  return `${kind}=${value}`;
}
