/**
 * PostgreSQL's COPY text format: one row per line, fields separated by tabs,
 * `\N` for null. A backslash, tab, newline or carriage return inside a value
 * would be read as syntax, so each is written as its backslash escape; every
 * other character (quotes, unicode, the empty string) goes through as it is.
 * Text and jsonb columns both take their value as text here.
 */

export type CopyValue = string | null | undefined;

/** The null marker: never produced by escaping, since a lone backslash is always doubled. */
export const COPY_NULL = '\\N';

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One field; `null` and `undefined` are SQL NULL, `''` is the empty string. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return COPY_NULL;
  // Most values need no escape; testing first avoids a replace per field.
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c]!) : value;
}

/** A jsonb field: JSON text, escaped like any other text (JSON's own `\"` and `\n` escapes hold backslashes). */
export function copyJson(value: unknown): string {
  return value === null || value === undefined ? COPY_NULL : copyField(JSON.stringify(value));
}
