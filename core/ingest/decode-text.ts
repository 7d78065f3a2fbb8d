/**
 * Bank files arrive as UTF-8, or as latin-1 / Windows-1252 from older
 * systems. Valid UTF-8 is taken as such (a BOM is dropped); anything else is
 * read as Windows-1252, which never fails and covers latin-1's printable range.
 */
export type TextEncodingName = 'utf-8' | 'windows-1252';

export function decodeText(bytes: Uint8Array, encoding?: TextEncodingName): { text: string; encoding: TextEncodingName } {
  if (encoding) return { text: new TextDecoder(encoding).decode(bytes), encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** Splits on CRLF, CR or LF. Line numbers are the 1-based index into the result. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
