/**
 * The payload of every job, as zod schemas shared by the producer (which
 * parses before it adds) and the consumer (which parses before it works): a
 * payload that does not parse is a bug or tampering, never worth a retry.
 */
import { z } from 'zod';
import { AGENT_MODES } from '../statuses.ts';
import { PARTITION_KINDS } from './queue-names.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date YYYY-MM-DD' });
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'expected a reconciliation id (a slug)' });
const uuid = z.uuid();

/** A schedule fired: work out the as-of date in the reconciliation's zone, then add the run job (duplicates are dropped by its id). */
export const triggerPayloadSchema = z.strictObject({ kind: z.literal('trigger'), reconciliationId: slug });

/** One reconciliation and as-of date: import new dropped files, split into partitions, record the run. */
export const nightlyPayloadSchema = z.strictObject({
  kind: z.literal('run'),
  reconciliationId: slug,
  asOf: isoDate,
  /** The run row's id; the scheduler derives it from reconciliation and as-of date, the API queues a fresh one. */
  runId: uuid,
  mode: z.enum(AGENT_MODES).optional(),
  requestedBy: z.string().min(1).max(200).default('system'),
});

/** Runs once every partition of a run completed (a BullMQ flow's parent): sums them into the run's row. */
export const finalizePayloadSchema = z.strictObject({
  kind: z.literal('finalize'),
  reconciliationId: slug,
  asOf: isoDate,
  runId: uuid,
  partitions: z.array(z.strictObject({ key: z.string().min(1), runId: uuid })).min(1),
});

export const nightlyQueuePayloadSchema = z.discriminatedUnion('kind', [triggerPayloadSchema, nightlyPayloadSchema, finalizePayloadSchema]);

/** The slice of a run's records one child job reconciles. */
export const partitionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('currency'), currency: z.string().regex(/^[A-Z]{3}$/) }),
  z.strictObject({ kind: z.literal('account'), external: z.string().min(1), internal: z.string().min(1) }),
  z.strictObject({ kind: z.literal('date'), from: isoDate, to: isoDate }),
]);
export type Partition = z.infer<typeof partitionSchema>;

export const partitionPayloadSchema = z.strictObject({
  reconciliationId: slug,
  asOf: isoDate,
  /** The nightly run this partition belongs to; its row sums the partitions when the last one completes. */
  parentRunId: uuid,
  /** This partition's own run (the graph's thread id, so a resumed job continues its checkpoint). */
  runId: uuid,
  key: z.string().min(1).max(200),
  partition: partitionSchema,
  mode: z.enum(AGENT_MODES),
});

export const applyPayloadSchema = z.strictObject({
  exceptionId: uuid,
  /** The approval to carry out: the job id, so the same decision is applied once. */
  decisionId: uuid,
  /** Who asked for it; null: the system. */
  actorId: z.string().min(1).nullable(),
});

export type TriggerPayload = z.infer<typeof triggerPayloadSchema>;
export type NightlyPayload = z.infer<typeof nightlyPayloadSchema>;
export type FinalizePayload = z.infer<typeof finalizePayloadSchema>;
export type NightlyQueuePayload = z.infer<typeof nightlyQueuePayloadSchema>;
export type PartitionPayload = z.infer<typeof partitionPayloadSchema>;
export type ApplyPayload = z.infer<typeof applyPayloadSchema>;

export { PARTITION_KINDS };
