/**
 * What a reviewer sends with a decision, as zod schemas the API validates
 * against and documents. `expectedVersion` is optional optimistic
 * concurrency: the exception's `version` the client last saw; when it moved
 * on, the decision is refused with the current state instead of being made
 * on something the person did not see.
 */
import { z } from 'zod';
import { EXCEPTION_STATUSES, SUGGESTION_SOURCES } from '../statuses.ts';
import { resolutionSchema } from '../taxonomy/actions.ts';
import { BREAK_TYPES } from '../taxonomy/break-types.ts';
import { ROOT_CAUSES } from '../taxonomy/root-causes.ts';

const expectedVersion = z.number().int().nonnegative().optional();
const reason = z.string().trim().min(1, 'a reason is required').max(2000);

export const approveRequestSchema = z.object({ expectedVersion, comment: z.string().trim().max(2000).optional() });
export type ApproveRequest = z.infer<typeof approveRequestSchema>;

export const editRequestSchema = z.object({
  expectedVersion,
  resolution: resolutionSchema,
  /** A reclassification; omitted, the current version's type and cause stay. */
  type: z.enum(BREAK_TYPES).optional(),
  cause: z.enum(ROOT_CAUSES).optional(),
  rationale: z.string().trim().max(4000).optional(),
});
export type EditRequest = z.infer<typeof editRequestSchema>;

export const reasonRequestSchema = z.object({ expectedVersion, reason });
export type ReasonRequest = z.infer<typeof reasonRequestSchema>;

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1).max(100)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);
const bound = z.union([z.number().nonnegative().transform(String), z.string().regex(/^\d+(\.\d+)?$/, 'expected a non-negative decimal such as "0.9"')]);

/** The review queue's filters (GET /api/exceptions names them alike), as bulk approval accepts them. */
export const exceptionFilterSchema = z.object({
  status: oneOrMany(z.enum(EXCEPTION_STATUSES)).optional(),
  type: oneOrMany(z.enum(BREAK_TYPES)).optional(),
  cause: oneOrMany(z.enum(ROOT_CAUSES)).optional(),
  account: oneOrMany(z.string().min(1).max(100)).optional(),
  source: oneOrMany(z.enum(SUGGESTION_SOURCES)).optional(),
  run: z.uuid().optional(),
  reconciliation: z.string().min(1).max(100).optional(),
  /** Confidence bounds 0–1, inclusive. */
  minConfidence: bound.optional(),
  maxConfidence: bound.optional(),
  /** Amount at stake bounds, inclusive, decimal strings. */
  minAmount: bound.optional(),
  maxAmount: bound.optional(),
});
export type ExceptionFilter = z.infer<typeof exceptionFilterSchema>;

/** At most this many exceptions per bulk call; a filter matching more approves the oldest and says how many remain. */
export const BULK_APPROVE_LIMIT = 500;

export const bulkApproveRequestSchema = z
  .object({
    ids: z.array(z.uuid()).min(1).max(BULK_APPROVE_LIMIT).optional(),
    filter: exceptionFilterSchema.optional(),
    comment: z.string().trim().max(2000).optional(),
  })
  .refine((b) => b.ids !== undefined || b.filter !== undefined, { message: 'give ids, a filter, or both', path: ['ids'] });
export type BulkApproveRequest = z.infer<typeof bulkApproveRequestSchema>;
