/** The queues of Recon's jobs, shared by the producers (API, scheduler) and the consumers (workers). */
export const QUEUE_NAMES = {
  /** One reconciliation and as-of date: pick up new files, partition, record the run. */
  nightly: 'recon-nightly',
  /** One partition of a nightly run (a currency, an account or a date block): the agent graph over its records. */
  partition: 'recon-partition',
  /** Applying an approved decision (retries of `apply_failed`, and approvals in async mode). */
  apply: 'recon-apply',
} as const;

export type QueueKey = keyof typeof QUEUE_NAMES;
export type QueueName = (typeof QUEUE_NAMES)[QueueKey];
export const QUEUE_KEYS = Object.keys(QUEUE_NAMES) as QueueKey[];

/** How a run is split into child jobs: not at all, per currency, per account, or per block of days. */
export const PARTITION_KINDS = ['none', 'currency', 'account', 'date'] as const;
export type PartitionKind = (typeof PARTITION_KINDS)[number];
