/**
 * A batch file: one reconciliation's records of both sides as of a date. The
 * bundled demo data and hand-written fixtures use it; evaluation cases are the
 * same shape plus the expected answer.
 */
import { z } from 'zod';
import { isoDateSchema } from '../dates/iso-date.ts';
import { DOMAINS } from '../statuses.ts';
import { caseRecordSchema } from './canonical-record.ts';

export const recordBatchSchema = z
  .object({
    reconciliation: z.object({
      id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'expected a slug of lower-case letters, digits and dashes' }),
      name: z.string().trim().min(1),
      domain: z.enum(DOMAINS),
      externalAccount: z.string().trim().min(1),
      internalAccount: z.string().trim().min(1),
    }),
    asOf: isoDateSchema,
    external: z.array(caseRecordSchema),
    internal: z.array(caseRecordSchema),
  })
  .superRefine((batch, ctx) => {
    const seen = new Set<string>();
    for (const side of ['external', 'internal'] as const) {
      batch[side].forEach((record, index) => {
        if (seen.has(record.id)) ctx.addIssue({ code: 'custom', path: [side, index, 'id'], message: `duplicate record id ${JSON.stringify(record.id)}` });
        seen.add(record.id);
      });
    }
  });
export type RecordBatch = z.infer<typeof recordBatchSchema>;
