/**
 * The canonical record (DESIGN §3): one shape for both sides (external
 * statement, internal books) and both domains (cash, securities). Amounts,
 * quantities, prices and rates are decimal strings.
 */
import { z } from 'zod';
import { isoDateSchema } from '../dates/iso-date.ts';
import { currencyCodeSchema, decimalStringSchema } from '../money/schemas.ts';
import { RECORD_KINDS, SECURITY_ID_TYPES, SIDES } from '../statuses.ts';

const text = z.string().trim().min(1).max(2000);

/** Where a record came from; shown to reviewers as evidence. */
export const provenanceSchema = z.strictObject({
  importId: z.string().min(1).optional(),
  file: z.string().min(1).optional(),
  /** 1-based line in the file where the record starts. */
  line: z.number().int().positive().optional(),
  /** 0-based position of the entry within its statement or file. */
  entry: z.number().int().nonnegative().optional(),
  /** XML element path of the entry (camt). */
  path: z.string().min(1).optional(),
  /** 1-based statement number when the file holds several. */
  statement: z.string().min(1).optional(),
  /** The source fields as read, before normalizing. */
  raw: z.record(z.string(), z.string()).optional(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

const recordFields = {
  /** Stable across re-imports: source + natural key, or content hash + position. */
  id: z.string().trim().min(1).max(200),
  account: z.string().trim().min(1).max(100),
  /** Booking date: the matching key. */
  date: isoDateSchema,
  valueDate: isoDateSchema.optional(),
  /** Signed: a credit to the account is positive. */
  amount: decimalStringSchema,
  currency: currencyCodeSchema,
  reference: text.optional(),
  counterparty: text.optional(),
  description: text.optional(),
  securityId: z.string().trim().min(1).max(50).optional(),
  securityIdType: z.enum(SECURITY_ID_TYPES).optional(),
  /** Every identifier known for the security, e.g. { ISIN, CUSIP, SEDOL }. */
  securityIds: z.partialRecord(z.enum(SECURITY_ID_TYPES), z.string().trim().min(1)).optional(),
  quantity: decimalStringSchema.optional(),
  price: decimalStringSchema.optional(),
  tradeDate: isoDateSchema.optional(),
  settleDate: isoDateSchema.optional(),
  fxRate: decimalStringSchema.optional(),
  kind: z.enum(RECORD_KINDS).optional(),
};

export const canonicalRecordSchema = z.strictObject({
  ...recordFields,
  side: z.enum(SIDES),
  provenance: provenanceSchema.optional(),
});
export type CanonicalRecord = z.infer<typeof canonicalRecordSchema>;

/**
 * A record inside an evaluation case or demo batch: the side is given by the
 * list it is in. Unknown keys are dropped so case files written elsewhere with
 * extra annotations still load.
 */
export const caseRecordSchema = z.object({ ...recordFields, provenance: provenanceSchema.optional() });
export type CaseRecord = z.infer<typeof caseRecordSchema>;
