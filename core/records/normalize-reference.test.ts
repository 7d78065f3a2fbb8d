import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeReference, normalizeText, referencesEqual } from './normalize-reference.ts';

describe('normalizeText', () => {
  it('ignores case, spaces and punctuation', () => {
    expect(normalizeText(' inv-1001 ')).toBe('INV1001');
    expect(normalizeText('Inv.1001')).toBe('INV1001');
    expect(normalizeText('INV/1001\t')).toBe('INV1001');
    expect(normalizeText('RF18 5390 0754 7034')).toBe('RF18539007547034');
    expect(normalizeText('(A&B) #42!')).toBe('AB42');
  });

  it('folds accents, ligatures and full-width forms', () => {
    expect(normalizeText('Rechnung Nr. 4711/é')).toBe('RECHNUNGNR4711E');
    expect(normalizeText('Société Générale')).toBe('SOCIETEGENERALE');
    expect(normalizeText('Straße')).toBe('STRASSE');
    expect(normalizeText('ﬁle １２')).toBe('FILE12');
    expect(normalizeText('Zürich\u00a0AG')).toBe('ZURICHAG');
  });

  it('keeps letters and digits of other scripts', () => {
    expect(normalizeText('счёт 12')).toBe('СЧЕТ12');
    expect(normalizeText('請求書-7')).toBe('請求書7');
  });

  it('maps missing and punctuation-only text to ""', () => {
    expect(normalizeText(undefined)).toBe('');
    expect(normalizeText(null)).toBe('');
    expect(normalizeText('')).toBe('');
    expect(normalizeText(' -/. ')).toBe('');
  });

  it('is idempotent and yields only upper-case letters and digits', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
        expect(once).toMatch(/^[\p{L}\p{N}]*$/u);
        expect(once).toBe(once.toUpperCase());
      }),
    );
  });

  it('takes the ASCII shortcut without changing the result', () => {
    // The slow path on the same input (a non-ASCII suffix that normalizes away forces it).
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }), (s) => {
        expect(normalizeText(`${s}\u2014`)).toBe(normalizeText(s));
      }),
    );
  });

  it('is unaffected by case, spacing and punctuation around the same characters', () => {
    const core = fc.string({ unit: fc.constantFrom(...'ABCDEFXYZ0123456789'.split('')), minLength: 1 });
    const noise = fc.constantFrom(' ', '-', '.', '/', '_', '#', '\u00a0');
    fc.assert(
      fc.property(core, fc.array(fc.tuple(fc.nat(), noise)), fc.boolean(), (s, inserts, lower) => {
        let variant = lower ? s.toLowerCase() : s;
        for (const [at, mark] of inserts) {
          const i = at % (variant.length + 1);
          variant = variant.slice(0, i) + mark + variant.slice(i);
        }
        expect(normalizeText(variant)).toBe(s);
      }),
    );
  });

  it('is what the matching engine uses for references', () => {
    expect(normalizeReference).toBe(normalizeText);
  });
});

describe('referencesEqual', () => {
  it('compares after normalizing', () => {
    expect(referencesEqual('INV-1001', 'inv 1001')).toBe(true);
    expect(referencesEqual('Rechnung Nr. 4711/é', 'RECHNUNG NR 4711 E')).toBe(true);
    expect(referencesEqual('INV-1001', 'INV-1010')).toBe(false);
    expect(referencesEqual('INV-1001', 'INV-10011')).toBe(false);
  });

  it('never treats two empty references as equal', () => {
    expect(referencesEqual('', '')).toBe(false);
    expect(referencesEqual(undefined, undefined)).toBe(false);
    expect(referencesEqual(undefined, '--')).toBe(false);
    expect(referencesEqual('/', ' . ')).toBe(false);
  });

  it('is symmetric', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(referencesEqual(a, b)).toBe(referencesEqual(b, a));
      }),
    );
  });
});
