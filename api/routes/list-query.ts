/**
 * Query-string pieces the list routes share: multi-valued filters (a key
 * repeated, or one comma-separated value), the page size and the cursor.
 */
import { z } from 'zod';

/** `?status=open&status=suggested` or `?status=open,suggested`. */
export function multiValue<T extends z.ZodType<string>>(item: T) {
  return z
    .preprocess((v) => {
      const list = typeof v === 'string' ? [v] : Array.isArray(v) ? v : v;
      return Array.isArray(list) ? list.flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter((s) => s !== '') : list;
    }, z.array(item).min(1).max(100))
    .optional();
}

export const pageLimit = z.coerce.number().int().min(1).max(500).default(50).describe('Items per page, 1–500 (default 50)');

export const pageCursor = z.string().min(1).max(2000).optional().describe('The `nextCursor` of the previous page; omitted: the first page');

export const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Non-negative decimal string, e.g. an amount or a confidence bound. */
export const decimalQuery = z.string().regex(/^\d+(\.\d+)?$/, { message: 'expected a non-negative decimal such as "100.00"' });

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page') });
}
