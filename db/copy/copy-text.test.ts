import { describe, expect, it } from 'vitest';
import { COPY_NULL, copyField, copyJson } from './copy-text.ts';

/** COPY's own reading of a text field (the server side), to check escaping against. */
function unescape(field: string): string | null {
  if (field === COPY_NULL) return null;
  return field.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r' })[c] ?? c);
}

describe('copyField', () => {
  it('writes null and undefined as \\N and the empty string as nothing', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField('')).toBe('');
  });

  it('escapes the characters COPY reads as syntax', () => {
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    // The literal text "\N" must not turn into a null, nor "\." into the end of the data.
    expect(copyField('\\N')).toBe('\\\\N');
    expect(copyField('\\.')).toBe('\\\\.');
  });

  it('leaves quotes, commas and unicode as they are', () => {
    for (const text of [`"quoted" and 'single'`, 'a,b;c|d', 'Zürich – Ærø 😀 日本', ' padded ']) expect(copyField(text)).toBe(text);
  });

  it('never leaves a tab or line break a reader would split on', () => {
    for (const text of ['\t', '\n\n', '\r\n', 'x\\', '\\\\t', 'tab\there']) {
      const field = copyField(text);
      expect(field).not.toMatch(/[\t\n\r]/);
      expect(unescape(field)).toBe(text);
    }
  });
});

describe('copyJson', () => {
  it('writes JSON text, with the backslashes of its own escapes doubled', () => {
    const value = { quote: 'say "hi"', tab: 'a\tb', slash: 'C:\\dir', line: 'x\ny' };
    const field = copyJson(value);
    expect(field).not.toMatch(/[\t\n\r]/);
    expect(JSON.parse(unescape(field)!)).toEqual(value);
  });

  it('writes a missing value as null', () => {
    expect(copyJson(undefined)).toBe('\\N');
    expect(copyJson(null)).toBe('\\N');
  });
});
