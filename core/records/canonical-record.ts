/**
 * The canonical record (DESIGN §3): one shape for both sides (external
 * statement, internal books) and both domains (cash, securities). Amounts,
 * quantities, prices and rates are decimal strings, never numbers, so they
 * stay exact from the file to the adjustment.
 *
 * Two schemas: `canonicalRecordSchema` is strict, because records are built
 * by our own importers and an unknown key there is a typo or a bug;
 * `caseRecordSchema` reads records inside case and batch files, which may be
 * written elsewhere with annotations of their own, so unknown keys are dropped.
 */
import { z } from 'zod';
import { isoDateSchema } from '../dates/iso-date.ts';
import { currencyCodeSchema, decimalStringSchema } from '../money/schemas.ts';
import { RECORD_KINDS, SECURITY_ID_TYPES, SIDES } from '../statuses.ts';

/** Free text: trimmed, and empty means absent (omit the key). */
const text = z.string().trim().min(1).max(2000);

const provenanceShape = {
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
  /** The source fields as read, before normalizing: the reviewer's evidence. */
  raw: z.record(z.string(), z.string()).optional(),
};

/** Where a record came from; shown to reviewers as evidence. */
export const provenanceSchema = z.strictObject(provenanceShape);
export type Provenance = z.infer<typeof provenanceSchema>;

const recordFields = {
  /** Stable across re-imports: source + natural key, or content hash + position. */
  id: z.string().trim().min(1).max(200),
  /** IBAN, account number or GL account. */
  account: z.string().trim().min(1).max(100),
  /** Booking date: the matching key. */
  date: isoDateSchema,
  valueDate: isoDateSchema.optional(),
  /** Signed: a credit to the account is positive. */
  amount: decimalStringSchema,
  currency: currencyCodeSchema,
  /** End-to-end id, cheque or invoice number; compared with `normalizeText`. */
  reference: text.optional(),
  counterparty: text.optional(),
  description: text.optional(),
  securityId: z.string().trim().min(1).max(50).optional(),
  securityIdType: z.enum(SECURITY_ID_TYPES).optional(),
  /** Every identifier known for the security, e.g. { ISIN, CUSIP, SEDOL }. */
  securityIds: z.partialRecord(z.enum(SECURITY_ID_TYPES), z.string().trim().min(1).max(50)).optional(),
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
 * A record inside an evaluation case or batch file: no `side`, since the list
 * it is in gives the side. Unknown keys (here and in `provenance`) are dropped
 * so files written elsewhere with extra annotations still load.
 */
export const caseRecordSchema = z.object({ ...recordFields, provenance: z.object(provenanceShape).optional() });
export type CaseRecord = z.infer<typeof caseRecordSchema>;
