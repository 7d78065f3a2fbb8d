/**
 * Opaque cursors for keyset pagination: the sort they belong to and the last
 * row's sort key plus id, as base64url JSON. Keyset pages stay fast on any
 * page (no OFFSET scan) and never skip or repeat a row when rows with equal
 * keys exist, since the id breaks every tie.
 */
import { AppError } from '../../core/errors/app-error.ts';

export type CursorValue = string | number | boolean | null;

export interface PageCursor {
  /** The sort the cursor was made for, e.g. `openedAt:asc`; another sort refuses it. */
  readonly sort: string;
  readonly key: readonly CursorValue[];
}

export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, ...cursor.key]), 'utf8').toString('base64url');
}

/** The 400 for a cursor that was tampered with or made by another sort. */
export function invalidCursor(message = 'not a cursor this API returned'): AppError {
  return new AppError('validation_failed', `The cursor is not valid: ${message}`, { issues: [{ field: 'query.cursor', message }] });
}

/** Decodes a cursor of `sort` with `length` key values; anything else is a 400 naming the cursor. */
export function decodeCursor(text: string, sort: string, length: number): readonly CursorValue[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== length + 1) throw invalidCursor();
  if (parsed[0] !== sort) throw invalidCursor(`it belongs to another sort order (${String(parsed[0])}); start again without a cursor`);
  const key = parsed.slice(1) as unknown[];
  if (!key.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))) throw invalidCursor();
  return key as CursorValue[];
}
