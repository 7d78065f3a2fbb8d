/**
 * The rows of a raw `db.execute(sql…)` result. The two drivers shape it
 * differently — postgres-js returns the row list itself, PGlite an object with
 * `rows` — and the common `Database` type cannot tell which it will be.
 */
export function resultRows<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: unknown } | null | undefined)?.rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}
